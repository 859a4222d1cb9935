package cn.referral.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs BlockHound before the first test of a run and has it report from then on, so that no thread is
 * already inside a method BlockHound instruments (see {@link NoBlockingOnEventLoops}). Registered by the platform
 * test-jar for every module's tests; it acts only in the integration-test runs, whose JVM has
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods} and {@code -Dblockhound.atLaunch=true} (root pom, failsafe).
 */
public class BlockHoundAtLaunch implements LauncherSessionListener {

    static final String SWITCH = "blockhound.atLaunch";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean(SWITCH)) {
            NoBlockingOnEventLoops.report();
        }
    }
}

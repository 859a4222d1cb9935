package cn.referral.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs BlockHound before the first test of a run, so that no thread is already inside a method BlockHound
 * instruments (see {@link NoBlockingOnEventLoops}). Registered for the platform's integration tests, whose JVM
 * has {@code -XX:+AllowRedefinitionToAddDeleteMethods} and {@code -Dblockhound.atLaunch=true}; elsewhere it does
 * nothing.
 */
public class BlockHoundAtLaunch implements LauncherSessionListener {

    static final String SWITCH = "blockhound.atLaunch";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean(SWITCH)) {
            NoBlockingOnEventLoops.install();
        }
    }
}

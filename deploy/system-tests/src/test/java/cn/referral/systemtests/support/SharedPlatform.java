package cn.referral.systemtests.support;

import java.util.Map;

/**
 * One running platform for all system test classes of this JVM (starting five services takes a
 * minute on a small machine): the run-local infrastructure, the {@code local} profile's demo
 * network, and short URGENT deadlines so expiry can be watched. Stopped when the JVM exits.
 */
public final class SharedPlatform {

    /** URGENT referrals expire after this in the test platform (instead of 4 h), escalating at half. */
    public static final int URGENT_ACCEPT_SECONDS = 40;

    private static DevStackInfrastructure infrastructure;
    private static RunningPlatform platform;

    private SharedPlatform() {
    }

    public static synchronized RunningPlatform platform() {
        if (platform == null) {
            infrastructure = new DevStackInfrastructure();
            platform = RunningPlatform.start(infrastructure, Map.of(
                    "SPRING_PROFILES_ACTIVE", "local",
                    "REFERRAL_SLA_URGENT_ACCEPT", URGENT_ACCEPT_SECONDS + "s",
                    "REFERRAL_SLA_URGENT_ESCALATE", URGENT_ACCEPT_SECONDS / 2 + "s",
                    "REFERRAL_TIMER_INTERVAL", "1s"));
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::stop, "stop-shared-platform"));
        }
        return platform;
    }

    public static synchronized DevStackInfrastructure infrastructure() {
        platform();
        return infrastructure;
    }

    private static synchronized void stop() {
        if (platform != null) {
            platform.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}

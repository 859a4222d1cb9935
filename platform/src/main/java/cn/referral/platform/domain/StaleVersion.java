package cn.referral.platform.domain;

/**
 * A change was based on a version of a record that is no longer its current one: someone else changed it
 * after the caller read it. The one stale-write error of every service, answered 412; plain Java, so a
 * service's domain may throw it ({@code HexagonalArchitecture}).
 */
public class StaleVersion extends RuntimeException {

    private final Long currentVersion;

    /**
     * @param what           what changed, e.g. {@code Referral} or {@code Record}
     * @param currentVersion the version it is at now, or null where the writer does not know it (a guarded write
     *                       that matched nothing)
     */
    public StaleVersion(String what, String id, long expectedVersion, Long currentVersion) {
        super(what + " " + id + (currentVersion == null ? " is no longer at version " + expectedVersion
                : " is at version " + currentVersion + ", not " + expectedVersion));
        this.currentVersion = currentVersion;
    }

    /** The version the record is at now, or null where the writer does not know it. */
    public Long currentVersion() {
        return currentVersion;
    }
}

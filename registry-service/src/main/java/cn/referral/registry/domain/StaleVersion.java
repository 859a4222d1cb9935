package cn.referral.registry.domain;

/** A change was based on a version of a record that is no longer the current one. */
public class StaleVersion extends RuntimeException {

    private final String id;
    private final long currentVersion;

    public StaleVersion(String id, long expectedVersion, long currentVersion) {
        super("Record " + id + " is at version " + currentVersion + ", not " + expectedVersion
                + ": read it again and repeat the change");
        this.id = id;
        this.currentVersion = currentVersion;
    }

    public String id() {
        return id;
    }

    public long currentVersion() {
        return currentVersion;
    }
}

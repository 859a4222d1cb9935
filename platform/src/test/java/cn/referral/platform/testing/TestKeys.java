package cn.referral.platform.testing;

/** Fixed keys for tests only (base64 of 32 bytes); real deployments take theirs from the environment. */
public final class TestKeys {

    public static final String DATA_KEY = "dGVzdC1vbmx5LWRhdGEta2V5LTAxMjM0NTY3ODkwMTI=";
    public static final String PSEUDONYM_KEY = "dGVzdC1vbmx5LXBzZXVkb255bS1rZXktMDEyMzQ1Njc=";

    private TestKeys() {
    }
}

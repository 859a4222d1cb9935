package cn.referral.referral.adapter.in.web;

/**
 * ETag and If-Match: a referral's ETag is its version; every state change names the version it is based on
 * (read by the platform's {@code IfMatch}).
 */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}

package cn.referral.platform.web;

import java.net.URI;

/**
 * Stable problem {@code type} URIs (RFC 9457). Clients switch on these, never on the title text.
 * Services add their own with {@link #of(String)}.
 */
public final class ProblemTypes {

    private static final String PREFIX = "urn:problem-type:referral-platform:";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI CONFLICT = of("conflict");
    public static final URI PRECONDITION_FAILED = of("precondition-failed");
    public static final URI UNPROCESSABLE = of("unprocessable");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI TOO_MANY_REQUESTS = of("too-many-requests");
    public static final URI UNAVAILABLE = of("unavailable");
    public static final URI INTERNAL = of("internal-error");

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}

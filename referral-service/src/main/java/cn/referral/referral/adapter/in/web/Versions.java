package cn.referral.referral.adapter.in.web;

import org.springframework.http.HttpStatus;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;

/** ETag and If-Match: a referral's ETag is its version; every state change names the version it is based on. */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}); 428 when missing. */
    static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.of("precondition-required"),
                    "Precondition required", "State changes need If-Match with the referral's current ETag");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the referral's ETag, e.g. \"3\"");
        }
    }
}

package cn.referral.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * The version a change is based on, as the client names it in {@code If-Match}: the ETag it read
 * ({@code "3"}, {@code W/"3"} or {@code 3}). Every service reads it here, so a malformed header is a 400
 * on {@code If-Match} and a missing one, where a change needs it, a 428, the same everywhere.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private IfMatch() {
    }

    /** The version named, or null when the header is absent or blank; 400 when it names no version. */
    public static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ProblemException.invalidField(HEADER, "must be the ETag of the version you read, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The version named; 428 when the header is absent or blank, 400 when it names no version. */
    public static long required(String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.of("precondition-required"),
                    "Precondition required", "Send If-Match with the ETag of the version you read, so that no "
                    + "concurrent change is overwritten");
        }
        return version;
    }
}

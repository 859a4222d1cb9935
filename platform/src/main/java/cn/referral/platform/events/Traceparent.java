package cn.referral.platform.events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * W3C Trace Context {@code traceparent}. The trace id is also the correlation id that a person
 * searches the logs of every service for.
 */
public record Traceparent(String traceId, String parentId) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_PARENT = "0".repeat(16);

    public static Optional<Traceparent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(header.trim());
        // All-zero ids are invalid (W3C Trace Context 3.2.2.3, 3.2.2.4): start a new trace instead.
        if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE) || matcher.group(2).equals(INVALID_PARENT)) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(matcher.group(1), matcher.group(2)));
    }

    public static boolean isTraceId(String value) {
        return value != null && TRACE_ID.matcher(value).matches() && !value.equals(INVALID_TRACE);
    }

    public static Traceparent newRoot() {
        return new Traceparent(randomHex(16), randomHex(8));
    }

    public static Traceparent ofTraceId(String traceId) {
        return new Traceparent(traceId, randomHex(8));
    }

    /** A new span in the same trace: what a service puts on the records it produces. */
    public Traceparent child() {
        return new Traceparent(traceId, randomHex(8));
    }

    public String header() {
        return "00-" + traceId + "-" + parentId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}

package cn.referral.platform.domain;

import java.util.function.Function;

/**
 * An id of the published language (DESIGN §3): an opaque, never blank value, stored and sent as that plain
 * string. Every id of this kernel is one.
 */
public interface Identifier {

    String value();

    /** The value of an id that may be absent (no hub, no up-referral, …), as the wire and the stores carry it. */
    static String valueOrNull(Identifier id) {
        return id == null ? null : id.value();
    }

    /**
     * The id a plain value names, or null where it names none (absent or blank), as a request, a wire message
     * or a document leaves an optional id out: the reverse of {@link #valueOrNull}.
     */
    static <T extends Identifier> T ofValueOrNull(String value, Function<String, T> id) {
        return value == null || value.isBlank() ? null : id.apply(value);
    }
}

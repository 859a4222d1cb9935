package cn.referral.platform.domain;

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
}

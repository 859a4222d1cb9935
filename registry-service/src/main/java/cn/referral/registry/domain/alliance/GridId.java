package cn.referral.registry.domain.alliance;

import cn.referral.platform.domain.Identifier;

/**
 * The id of one 片区 of an alliance's grid ({@link GridCell}): opaque, never blank, given by the server when the
 * request leaves it out. Stored and sent as its plain {@link #value}; the area itself is known by its
 * {@link GridCell#cellKey() cell key}, not by this id.
 */
public record GridId(String value) implements Identifier {

    public GridId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a grid id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package cn.referral.referral.domain.network;

import java.util.Objects;

/**
 * What the referral service knows of an institution, kept from the registry's snapshots.
 * {@code version} is the registry's: a snapshot older than the one held is ignored.
 */
public record Institution(String id, String name, InstitutionLevel level, String regionCode, boolean active,
                          long version) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
    }

    public boolean isNewerThan(Institution other) {
        return other == null || version > other.version;
    }
}

package cn.referral.billing.domain;

import java.util.Objects;

/**
 * What billing knows of an institution, kept from the registry's snapshots: its level decides which
 * deductible applies. {@code version} is the registry's; an older snapshot never replaces a newer one.
 */
public record Institution(String id, InstitutionLevel level, String regionCode, boolean active, long version) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
    }
}

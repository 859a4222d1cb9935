package cn.referral.billing.domain.network;

import cn.referral.platform.domain.InstitutionId;

import java.util.Objects;

/**
 * What billing knows of an institution, kept from the registry's snapshots: its level decides which
 * deductible applies. {@code version} is the registry's; an older snapshot never replaces a newer one.
 * {@code name} and {@code medinsCode} (定点医药机构编号, may be null) go into the 转院备案 (2501) record.
 */
public record Institution(InstitutionId id, InstitutionLevel level, String regionCode, boolean active, long version,
                          String name, String medinsCode) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
    }

    /** An institution known by level and region only (deductibles need no more). */
    public Institution(InstitutionId id, InstitutionLevel level, String regionCode, boolean active, long version) {
        this(id, level, regionCode, active, version, null, null);
    }
}

package cn.referral.registry.domain;

import java.util.List;
import java.util.Objects;

/**
 * A medical institution in the referral network, with its functional level and place in the
 * 片区 grid. {@code version} grows with every change, so readers of the snapshots can drop a stale one.
 */
public record Institution(String id, String name, String organisationCode, InstitutionLevel level,
                          InstitutionKind kind, RegionCode region, List<String> departments, String gridArea,
                          boolean active, long version) {

    public Institution {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new RegistryRuleViolation("institution-name", "an institution needs a name");
        }
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A new, active institution and the event that announces it. */
    public static InstitutionChange register(String id, String name, String organisationCode, InstitutionLevel level,
                                             InstitutionKind kind, RegionCode region, List<String> departments,
                                             String gridArea) {
        Institution institution = new Institution(id, name.strip(), organisationCode, level, kind, region,
                departments, gridArea, true, 1);
        return new InstitutionChange(institution, List.of(new InstitutionRegistered(institution)));
    }
}

package cn.referral.referral.domain.network;

import cn.referral.platform.domain.InstitutionId;

import java.util.List;
import java.util.Objects;

/**
 * What the referral service knows of an institution, kept from the registry's snapshots.
 * {@code version} is the registry's: a snapshot older than the one held is ignored. {@code kind} is the
 * registry's 机构类别 (e.g. {@code COMMUNITY_HEALTH_CENTRE}, {@code REHABILITATION}), {@code null} when unknown.
 */
public record Institution(InstitutionId id, String name, InstitutionLevel level, String regionCode, boolean active,
                          long version, List<String> departments, String kind) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** An institution whose kind is not known here. */
    public Institution(InstitutionId id, String name, InstitutionLevel level, String regionCode, boolean active, long version,
                       List<String> departments) {
        this(id, name, level, regionCode, active, version, departments, null);
    }

    public boolean isNewerThan(Institution other) {
        return other == null || version > other.version;
    }

    /** Whether the department is known here; an institution that lists none accepts any. */
    public boolean hasDepartment(String department) {
        return departments.isEmpty() || departments.contains(department);
    }
}

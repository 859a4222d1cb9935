package cn.referral.registry.domain.institution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.Deactivatable;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RecordLifecycle;
import cn.referral.registry.domain.RegistryRuleViolation;

/**
 * A medical institution in the referral network, with its functional level and place in the
 * 片区 grid. {@code version} grows with every change, so readers of the snapshots can drop a stale one.
 * {@code medinsCode} is its 定点医药机构编号 (designated medical institution code of the 医保
 * platform), null when it is not a designated institution or the code is not yet recorded.
 */
public record Institution(InstitutionId id, String name, String organisationCode, InstitutionLevel level,
                          InstitutionKind kind, RegionCode region, List<String> departments, String gridArea,
                          boolean active, long version, String medinsCode)
        implements Deactivatable<InstitutionId, Institution> {

    private static final RecordLifecycle<Institution> LIFECYCLE = new RecordLifecycle<>("institution", "inactive",
            InstitutionEvent.Registered::new, InstitutionEvent.Revised::new, InstitutionEvent.Deactivated::new,
            InstitutionEvent.Removed::new);

    public Institution {
        Objects.requireNonNull(id, "id");
        RegistryRuleViolation.requireText(name, "institution-name", "name", "an institution needs a name");
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A new, active institution. */
    public static Outcome<Institution> register(InstitutionId id, InstitutionDetails details, Instant now) {
        return LIFECYCLE.created(of(id, details, true, 1), now);
    }

    /** New details for the same institution; its id and active flag stay. */
    public Outcome<Institution> revise(InstitutionDetails details, Instant now) {
        return LIFECYCLE.revised(of(id, details, active, version + 1), now);
    }

    @Override
    public RecordLifecycle<Institution> lifecycle() {
        return LIFECYCLE;
    }

    @Override
    public Institution madeInactive() {
        return new Institution(id, name, organisationCode, level, kind, region, departments, gridArea, false,
                version + 1, medinsCode);
    }

    /** Whether a patient referred from {@code other} to this institution goes up a level. */
    public boolean isAbove(Institution other) {
        return level.isAbove(other.level);
    }

    private static Institution of(InstitutionId id, InstitutionDetails details, boolean active, long version) {
        return new Institution(id, details.name().strip(), details.organisationCode(), details.level(), details.kind(),
                details.region(), details.departments(), details.gridArea(), active, version, details.medinsCode());
    }
}

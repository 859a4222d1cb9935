package cn.referral.registry.domain.institution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.Deactivatable;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRecord;
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
        implements RegistryRecord<InstitutionId>, Deactivatable<Institution> {

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
        Institution registered = of(id, details, true, 1);
        return Outcome.of(registered, new InstitutionEvent.Registered(registered, now));
    }

    /** New details for the same institution; its id and active flag stay. */
    public Outcome<Institution> revise(InstitutionDetails details, Instant now) {
        Institution revised = of(id, details, active, version + 1);
        return Outcome.of(revised, new InstitutionEvent.Revised(revised, now));
    }

    /** Closed or no longer in the referral network: kept for history, no longer a referral target. */
    @Override
    public Outcome<Institution> deactivate(Instant now) {
        if (!active) {
            throw new RegistryRuleViolation("institution-inactive", "institution " + id + " is already inactive");
        }
        Institution inactive = withActive(false);
        return Outcome.of(inactive, new InstitutionEvent.Deactivated(inactive, now));
    }

    /** Registered in error: withdrawn from every copy. */
    @Override
    public Outcome<Institution> remove(Instant now) {
        Institution removed = withActive(false);
        return Outcome.of(removed, new InstitutionEvent.Removed(removed, now));
    }

    /** Whether a patient referred from {@code other} to this institution goes up a level. */
    public boolean isAbove(Institution other) {
        return level.isAbove(other.level);
    }

    private Institution withActive(boolean nowActive) {
        return new Institution(id, name, organisationCode, level, kind, region, departments, gridArea, nowActive,
                version + 1, medinsCode);
    }

    private static Institution of(InstitutionId id, InstitutionDetails details, boolean active, long version) {
        return new Institution(id, details.name().strip(), details.organisationCode(), details.level(), details.kind(),
                details.region(), details.departments(), details.gridArea(), active, version, details.medinsCode());
    }
}

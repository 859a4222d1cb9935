package cn.referral.registry.domain.practitioner;

import java.time.Instant;
import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.Deactivatable;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RecordLifecycle;
import cn.referral.registry.domain.RegistryRuleViolation;

/**
 * A doctor or other practitioner of one institution: who can be a family doctor or a referral's contact.
 * Other services copy it (referral checks that a down-referral's handover goes to a family doctor of the
 * institution the patient goes to), so it has a {@code version} and an {@code active} flag like every registry
 * record, and lives as institutions do: registered, revised (name, role, title, department), deactivated when they
 * leave the institution, removed when registered in error. A practitioner stays at the institution they were
 * registered at: one who moves is deactivated there and registered at the new one.
 */
public record Practitioner(PractitionerId id, String name, InstitutionId institutionId, PractitionerRole role,
                           String title, String department, boolean active, long version)
        implements Deactivatable<PractitionerId, Practitioner> {

    private static final RecordLifecycle<Practitioner> LIFECYCLE = new RecordLifecycle<>("practitioner", "inactive",
            PractitionerEvent.Registered::new, PractitionerEvent.Revised::new, PractitionerEvent.Deactivated::new,
            PractitionerEvent.Removed::new);

    public Practitioner {
        Objects.requireNonNull(id, "id");
        name = RegistryRuleViolation.requireText(name, "practitioner-name", "name", "a practitioner needs a name")
                .strip();
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(role, "role");
    }

    /** A new practitioner, active at version 1. */
    public static Outcome<Practitioner> register(PractitionerId id, PractitionerDetails details, Instant now) {
        return LIFECYCLE.created(of(id, details, true, 1), now);
    }

    /**
     * New details for the same practitioner at the same institution; their id and active flag stay. Fails
     * ({@code practitioner-moved}, naming {@code institutionId}) when the details name another institution.
     */
    public Outcome<Practitioner> revise(PractitionerDetails details, Instant now) {
        if (!institutionId.equals(details.institutionId())) {
            throw new RegistryRuleViolation("practitioner-moved", "institutionId", "practitioner " + id
                    + " works at " + institutionId + ": one who moves to " + details.institutionId()
                    + " is deactivated at " + institutionId + " and registered at " + details.institutionId());
        }
        return LIFECYCLE.revised(of(id, details, active, version + 1), now);
    }

    /**
     * The registration of a practitioner stored before practitioners were published, published now: the snapshot
     * other services need of someone the registry has always had.
     */
    public Outcome<Practitioner> registrationPublishedLate(Instant now) {
        return LIFECYCLE.created(this, now);
    }

    @Override
    public RecordLifecycle<Practitioner> lifecycle() {
        return LIFECYCLE;
    }

    @Override
    public Practitioner madeInactive() {
        return new Practitioner(id, name, institutionId, role, title, department, false, version + 1);
    }

    /** Family doctors (家庭医生) are general practitioners or village doctors of a primary institution. */
    public boolean canBeFamilyDoctor() {
        return role == PractitionerRole.GENERAL_PRACTITIONER || role == PractitionerRole.VILLAGE_DOCTOR;
    }

    private static Practitioner of(PractitionerId id, PractitionerDetails details, boolean active, long version) {
        return new Practitioner(id, details.name(), details.institutionId(), details.role(), details.title(),
                details.department(), active, version);
    }
}

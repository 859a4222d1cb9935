package cn.referral.registry.domain.practitioner;

import java.time.Instant;
import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRecord;
import cn.referral.registry.domain.RegistryRuleViolation;

/**
 * A doctor or other practitioner of one institution: who can be a family doctor or a referral's contact.
 * Other services copy it (referral checks that a down-referral's handover goes to a family doctor of the
 * institution the patient goes to), so it has a {@code version} and an {@code active} flag like every registry
 * record; a practitioner is only registered today, never revised, deactivated or removed.
 */
public record Practitioner(PractitionerId id, String name, InstitutionId institutionId, PractitionerRole role,
                           String title, String department, boolean active, long version)
        implements RegistryRecord<PractitionerId> {

    public Practitioner {
        Objects.requireNonNull(id, "id");
        name = RegistryRuleViolation.requireText(name, "practitioner-name", "name", "a practitioner needs a name")
                .strip();
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(role, "role");
    }

    /** A new practitioner, active at version 1. */
    public static Outcome<Practitioner> register(PractitionerId id, String name, InstitutionId institutionId,
                                                 PractitionerRole role, String title, String department,
                                                 Instant now) {
        Practitioner registered = new Practitioner(id, name, institutionId, role, title, department, true, 1);
        return Outcome.of(registered, new PractitionerEvent.Registered(registered, now));
    }

    /**
     * The registration of a practitioner stored before practitioners were published, published now: the snapshot
     * other services need of someone the registry has always had.
     */
    public Outcome<Practitioner> registrationPublishedLate(Instant now) {
        return Outcome.of(this, new PractitionerEvent.Registered(this, now));
    }

    @Override
    public String what() {
        return "Practitioner";
    }

    /** Family doctors (家庭医生) are general practitioners or village doctors of a primary institution. */
    public boolean canBeFamilyDoctor() {
        return role == PractitionerRole.GENERAL_PRACTITIONER || role == PractitionerRole.VILLAGE_DOCTOR;
    }
}

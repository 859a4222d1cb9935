package cn.referral.registry.domain.practitioner;

import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.RegistryRuleViolation;

/** A doctor or other practitioner of one institution: who can be a family doctor or a referral's contact. */
public record Practitioner(PractitionerId id, String name, InstitutionId institutionId, PractitionerRole role,
                           String title, String department) {

    public Practitioner {
        Objects.requireNonNull(id, "id");
        name = RegistryRuleViolation.requireText(name, "practitioner-name", "name", "a practitioner needs a name")
                .strip();
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(role, "role");
    }

    /** Family doctors (家庭医生) are general practitioners or village doctors of a primary institution. */
    public boolean canBeFamilyDoctor() {
        return role == PractitionerRole.GENERAL_PRACTITIONER || role == PractitionerRole.VILLAGE_DOCTOR;
    }
}

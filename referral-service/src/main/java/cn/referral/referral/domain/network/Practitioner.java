package cn.referral.referral.domain.network;

import java.util.Objects;
import java.util.Set;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;

/**
 * What the referral service knows of a practitioner, kept from the registry's snapshots: the institution they
 * work at and their role there ({@code role}: the registry's code, e.g. {@code GENERAL_PRACTITIONER},
 * {@code SPECIALIST}). {@code version} is the registry's: a snapshot older than the one held is ignored.
 */
public record Practitioner(PractitionerId id, InstitutionId institutionId, String role, boolean active,
                           long version) {

    /** The registry's roles of a family doctor (家庭医生): general practitioners and village doctors. */
    private static final Set<String> FAMILY_DOCTOR_ROLES = Set.of("GENERAL_PRACTITIONER", "VILLAGE_DOCTOR");

    public Practitioner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(institutionId, "institutionId");
    }

    /** Whether the registry lists this practitioner as one who can be a family doctor (家庭医生). */
    public boolean isFamilyDoctor() {
        return FAMILY_DOCTOR_ROLES.contains(role);
    }

    /** Whether this practitioner is in service at {@code institution}. */
    public boolean worksAt(InstitutionId institution) {
        return active && institutionId.equals(institution);
    }
}

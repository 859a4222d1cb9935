package cn.referral.registry.domain.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.referral.platform.domain.ContractId;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RecordLifecycle;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.Removable;

/**
 * A family-doctor contract (家庭医生签约), keyed by the patient's pseudonym ({@code patientRef}): the
 * registry never holds the identity number in clear. {@code identityNumberMasked} is what may be shown.
 */
public record FamilyDoctorContract(ContractId id, String patientRef, String identityNumberMasked, ContractTerms terms,
                                   boolean active, long version)
        implements Removable<ContractId, FamilyDoctorContract> {

    private static final RecordLifecycle<FamilyDoctorContract> LIFECYCLE = new RecordLifecycle<>("contract",
            "terminated", ContractEvent.Signed::new, ContractEvent.Revised::new, ContractEvent.Terminated::new,
            ContractEvent.Removed::new);

    public FamilyDoctorContract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientRef, "patientRef");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(terms.primaryInstitutionId(), "primaryInstitutionId");
        Objects.requireNonNull(terms.familyDoctorId(), "familyDoctorId");
        Objects.requireNonNull(terms.validFrom(), "validFrom");
        Objects.requireNonNull(terms.validUntil(), "validUntil");
        if (!terms.validUntil().isAfter(terms.validFrom())) {
            throw new RegistryRuleViolation("contract-validity", "validUntil",
                    "a contract ends after it starts: " + terms.validFrom() + " .. " + terms.validUntil());
        }
    }

    public static Outcome<FamilyDoctorContract> sign(ContractId id, String patientRef, String identityNumberMasked,
                                                     ContractTerms terms, Instant now) {
        return LIFECYCLE.created(new FamilyDoctorContract(id, patientRef, identityNumberMasked, terms, true, 1), now);
    }

    /** New terms for the same patient, e.g. a renewal for another year. */
    public Outcome<FamilyDoctorContract> revise(ContractTerms newTerms, Instant now) {
        return LIFECYCLE.revised(new FamilyDoctorContract(id, patientRef, identityNumberMasked, newTerms, active,
                version + 1), now);
    }

    /** 解约: the contract ends before its term; fails ({@code contract-terminated}) when it has ended already. */
    public Outcome<FamilyDoctorContract> terminate(Instant now) {
        return LIFECYCLE.ended(this, now);
    }

    @Override
    public RecordLifecycle<FamilyDoctorContract> lifecycle() {
        return LIFECYCLE;
    }

    @Override
    public FamilyDoctorContract madeInactive() {
        return new FamilyDoctorContract(id, patientRef, identityNumberMasked, terms, false, version + 1);
    }

    /** Whether the patient counts as contracted (签约) on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        return active && !day.isBefore(terms.validFrom()) && day.isBefore(terms.validUntil());
    }
}

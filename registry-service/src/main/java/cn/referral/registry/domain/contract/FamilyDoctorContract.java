package cn.referral.registry.domain.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.referral.platform.domain.ContractId;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRecord;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.Removable;

/**
 * A family-doctor contract (家庭医生签约), keyed by the patient's pseudonym ({@code patientRef}): the
 * registry never holds the identity number in clear. {@code identityNumberMasked} is what may be shown.
 */
public record FamilyDoctorContract(ContractId id, String patientRef, String identityNumberMasked, ContractTerms terms,
                                   boolean active, long version)
        implements RegistryRecord<ContractId>, Removable<FamilyDoctorContract> {

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
        FamilyDoctorContract signed = new FamilyDoctorContract(id, patientRef, identityNumberMasked, terms, true, 1);
        return Outcome.of(signed, new ContractEvent.Signed(signed, now));
    }

    /** New terms for the same patient, e.g. a renewal for another year. */
    public Outcome<FamilyDoctorContract> revise(ContractTerms newTerms, Instant now) {
        FamilyDoctorContract revised = new FamilyDoctorContract(id, patientRef, identityNumberMasked, newTerms, active,
                version + 1);
        return Outcome.of(revised, new ContractEvent.Revised(revised, now));
    }

    /** 解约: the contract ends before its term. */
    public Outcome<FamilyDoctorContract> terminate(Instant now) {
        if (!active) {
            throw new RegistryRuleViolation("contract-terminated", "contract " + id + " is already terminated");
        }
        FamilyDoctorContract terminated = withActive(false);
        return Outcome.of(terminated, new ContractEvent.Terminated(terminated, now));
    }

    /** Recorded in error: withdrawn from every copy. */
    @Override
    public Outcome<FamilyDoctorContract> remove(Instant now) {
        FamilyDoctorContract removed = withActive(false);
        return Outcome.of(removed, new ContractEvent.Removed(removed, now));
    }

    /** Whether the patient counts as contracted (签约) on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        return active && !day.isBefore(terms.validFrom()) && day.isBefore(terms.validUntil());
    }

    private FamilyDoctorContract withActive(boolean nowActive) {
        return new FamilyDoctorContract(id, patientRef, identityNumberMasked, terms, nowActive, version + 1);
    }
}

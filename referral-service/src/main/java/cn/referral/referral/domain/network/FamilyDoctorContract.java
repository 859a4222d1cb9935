package cn.referral.referral.domain.network;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** A family-doctor contract (签约, "1+1+1") of a patient known by pseudonym; a patient may have an old and a new one. */
public record FamilyDoctorContract(ContractId contractId, String patientRef, InstitutionId primaryInstitutionId,
                                   InstitutionId districtHospitalId, InstitutionId cityHospitalId,
                                   String familyDoctorId,
                                   LocalDate validFrom, LocalDate validUntil, boolean active, long version) {

    public FamilyDoctorContract {
        Objects.requireNonNull(patientRef, "patientRef");
    }

    /**
     * The patient's contract in force on {@code day} (the latest begun when a successor overlaps
     * its predecessor), or else the one that began last, to explain why none counts.
     */
    public static Optional<FamilyDoctorContract> inForceOn(Collection<FamilyDoctorContract> contracts, LocalDate day) {
        Comparator<FamilyDoctorContract> byStart = Comparator.comparing(FamilyDoctorContract::validFrom,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return contracts.stream().filter(contract -> contract.isValidOn(day)).max(byStart)
                .or(() -> contracts.stream().max(byStart));
    }

    /**
     * Whether the contract counts (签约) on {@code day}: active, begun, and not yet at {@code validUntil}, which is
     * exclusive as registry-service sends it (docs/event-contracts.md), so the registry, quota and referral agree
     * on the day a contract ends.
     */
    public boolean isValidOn(LocalDate day) {
        return active && (validFrom == null || !validFrom.isAfter(day)) && (validUntil == null || day.isBefore(validUntil));
    }
}

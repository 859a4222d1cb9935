package cn.referral.quota.application.port.out;

import java.time.LocalDate;
import java.util.Optional;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

/** What quota knows of the registry, from its compacted topics: regions of institutions and family-doctor contracts. */
public interface ReferenceViews {

    /** The institution's region code (GB/T 2260), or empty if the registry has not told us. */
    Mono<Optional<String>> regionOf(InstitutionId institutionId);

    /** The primary institution the patient is contracted with (签约) on {@code day}, or empty. */
    Mono<Optional<InstitutionId>> contractedPrimaryOf(String patientRef, LocalDate day);

    /** Keeps the institution's region unless a newer version is held. */
    Mono<Boolean> keepInstitution(InstitutionId institutionId, String regionCode, long version);

    Mono<Void> removeInstitution(InstitutionId institutionId);

    /** Keeps the contract (by contract id) unless a newer version is held. */
    Mono<Boolean> keepContract(ContractId contractId, String patientRef, InstitutionId primaryInstitutionId,
                               LocalDate validFrom, LocalDate validUntil, boolean active, long version);

    /** Removes the contract: the registry removed it, and the patient's other contracts stay. */
    Mono<Void> removeContract(ContractId contractId);
}

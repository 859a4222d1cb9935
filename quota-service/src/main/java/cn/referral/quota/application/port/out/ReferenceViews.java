package cn.referral.quota.application.port.out;

import java.time.LocalDate;
import java.util.Optional;

import reactor.core.publisher.Mono;

/** What quota knows of the registry, from its compacted topics: regions of institutions and family-doctor contracts. */
public interface ReferenceViews {

    /** The institution's region code (GB/T 2260), or empty if the registry has not told us. */
    Mono<Optional<String>> regionOf(String institutionId);

    /** The primary institution the patient is contracted with (签约) on {@code day}, or empty. */
    Mono<Optional<String>> contractedPrimaryOf(String patientRef, LocalDate day);

    /** Keeps the institution's region unless a newer version is held. */
    Mono<Boolean> keepInstitution(String institutionId, String regionCode, long version);

    Mono<Void> removeInstitution(String institutionId);

    /** Keeps the contract (by contract id) unless a newer version is held. */
    Mono<Boolean> keepContract(String contractId, String patientRef, String primaryInstitutionId, LocalDate validFrom,
                               LocalDate validUntil, boolean active, long version);

    Mono<Void> removeContractsOf(String patientRef);
}

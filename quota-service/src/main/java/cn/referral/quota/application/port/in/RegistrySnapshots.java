package cn.referral.quota.application.port.in;

import java.time.LocalDate;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

/** The registry's snapshots quota keeps a view of; an older version never overwrites a newer one. */
public interface RegistrySnapshots {

    Mono<Void> institutionReceived(InstitutionId institutionId, String regionCode, long version);

    Mono<Void> institutionRemoved(InstitutionId institutionId);

    Mono<Void> contractReceived(ContractId contractId, String patientRef, InstitutionId primaryInstitutionId,
                                LocalDate validFrom, LocalDate validUntil, boolean active, long version);

    /** The contract was removed in the registry (a tombstone, keyed by the contract). */
    Mono<Void> contractRemoved(ContractId contractId);
}

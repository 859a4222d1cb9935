package cn.referral.quota.application.port.in;

import java.time.LocalDate;

import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

/** The registry's snapshots quota keeps a view of; an older version never overwrites a newer one. */
public interface RegistrySnapshots {

    Mono<Void> institutionReceived(InstitutionId institutionId, String regionCode, long version);

    Mono<Void> institutionRemoved(InstitutionId institutionId);

    Mono<Void> contractReceived(String contractId, String patientRef, InstitutionId primaryInstitutionId,
                                LocalDate validFrom, LocalDate validUntil, boolean active, long version);

    /** The patient's contracts were removed (a tombstone keyed by patientRef). */
    Mono<Void> contractsRemoved(String patientRef);
}

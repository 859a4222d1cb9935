package cn.referral.quota.application;

import java.time.LocalDate;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.quota.application.port.in.RegistrySnapshots;
import cn.referral.quota.application.port.out.ReferenceViews;
import reactor.core.publisher.Mono;

/** Keeps quota's views of the registry: institutions' regions and family-doctor contracts. */
public class RegistrySnapshotService implements RegistrySnapshots {

    private final ReferenceViews views;

    public RegistrySnapshotService(ReferenceViews views) {
        this.views = views;
    }

    @Override
    public Mono<Void> institutionReceived(InstitutionId institutionId, String regionCode, long version) {
        return views.keepInstitution(institutionId, regionCode, version).then();
    }

    @Override
    public Mono<Void> institutionRemoved(InstitutionId institutionId) {
        return views.removeInstitution(institutionId);
    }

    @Override
    public Mono<Void> contractReceived(ContractId contractId, String patientRef, InstitutionId primaryInstitutionId,
                                       LocalDate validFrom, LocalDate validUntil, boolean active, long version) {
        return views.keepContract(contractId, patientRef, primaryInstitutionId, validFrom, validUntil, active, version)
                .then();
    }

    @Override
    public Mono<Void> contractRemoved(ContractId contractId) {
        return views.removeContract(contractId);
    }
}

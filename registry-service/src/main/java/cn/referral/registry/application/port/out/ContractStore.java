package cn.referral.registry.application.port.out;

import cn.referral.platform.domain.ContractId;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import reactor.core.publisher.Mono;

/** Contracts, one per patient: inserting a second one for a patientRef fails with {@code DuplicateContract}. */
public interface ContractStore extends RecordStore<FamilyDoctorContract, ContractId> {

    Mono<FamilyDoctorContract> findByPatientRef(String patientRef);
}

package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import reactor.core.publisher.Mono;

/**
 * Family-doctor contracts. The identity number comes in once, at signing, and is kept only as the
 * patient's pseudonym and masked form.
 */
public interface ContractUseCases extends RemovalUseCases<ContractId> {

    /** {@code DuplicateContract} if the patient already has one. The identity number must be valid (GB 11643). */
    Mono<FamilyDoctorContract> sign(Caller caller, String identityNumber, ContractTerms terms);

    Mono<FamilyDoctorContract> revise(Caller caller, ContractId id, long expectedVersion, ContractTerms terms);

    Mono<FamilyDoctorContract> terminate(Caller caller, ContractId id, Long expectedVersion);

    /**
     * A read of patient data: a contract found is returned only once its {@code AuditRecord} (who, roles,
     * institution, contract, patient, purpose, time) is written; {@code NotFound}, and no record written, when there
     * is no such contract.
     * A blank {@code purpose} is recorded as {@code contract-read}.
     */
    Mono<FamilyDoctorContract> find(ContractId id, Caller caller, String purpose);

    /** As {@link #find}, by the patient's pseudonym; {@code NotFound} when the patient has no contract. */
    Mono<FamilyDoctorContract> findByPatientRef(String patientRef, Caller caller, String purpose);
}

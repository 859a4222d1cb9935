package cn.referral.registry.domain.contract;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;

/** What happened to a family-doctor contract (家庭医生签约), each with the contract after the change. */
public sealed interface ContractEvent extends RegistryEvent<FamilyDoctorContract> {

    /** The patient signed with a family doctor (签约). */
    record Signed(FamilyDoctorContract record, Instant occurredAt) implements ContractEvent {
    }

    /** New terms for the same patient, e.g. a renewal for another year. */
    record Revised(FamilyDoctorContract record, Instant occurredAt) implements ContractEvent {
    }

    /** 解约: the contract ended before its term. */
    record Terminated(FamilyDoctorContract record, Instant occurredAt) implements ContractEvent {
    }

    /** Recorded in error: withdrawn from every copy. */
    record Removed(FamilyDoctorContract record, Instant occurredAt)
            implements ContractEvent, RegistryEvent.Withdrawal<FamilyDoctorContract> {
    }
}

package cn.referral.registry.adapter.out.messaging;

import java.time.Instant;

/**
 * Wire record of {@code registry.practitioner.v1} on the compacted topic {@code registry.practitioners.v1},
 * keyed by practitionerId: where the practitioner works and in which role ({@code GENERAL_PRACTITIONER},
 * {@code VILLAGE_DOCTOR}, {@code SPECIALIST}, …), what referral-service needs to check a down-referral's handover.
 * Neither the name nor anything of a patient. {@code occurredAt}: when the change that led to this snapshot
 * happened.
 */
public record PractitionerSnapshotV1(String practitionerId, String institutionId, String role, boolean active,
                                     long version, Instant occurredAt) {
}

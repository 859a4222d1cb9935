package cn.referral.quota.adapter.out.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The v1 payloads on {@code quota.events.v1}. Fields are only ever added: {@code occurredAt} on every one, and
 * {@code poolRevision} (the pool's revision after the change) on those written by compare-and-set on it
 * (confirmed, released, reserve released); messages written before lack them.
 */
public final class QuotaWireRecords {

    private QuotaWireRecords() {
    }

    /** {@code quota.slot-held.v1}, key referralId. */
    public record SlotHeldV1(String referralId, String holdId, String poolId, String institutionId, String department,
                             String resource, LocalDate date, String session, Instant expiresAt, boolean greenChannel,
                             Instant occurredAt) {
    }

    /** {@code quota.waitlisted.v1}, key referralId; {@code position} is 1-based in service order. */
    public record WaitlistedV1(String referralId, String poolId, int position, Instant occurredAt) {
    }

    /** {@code quota.unavailable.v1}, key referralId; {@code explanation} (added) says what the reason means here. */
    public record UnavailableV1(String referralId, String reason, String explanation, Instant occurredAt) {
    }

    /** {@code quota.slot-confirmed.v1}, key referralId. */
    public record SlotConfirmedV1(String referralId, String holdId, String poolId, long poolRevision,
                                  Instant occurredAt) {
    }

    /** {@code quota.slot-released.v1}, key referralId. */
    public record SlotReleasedV1(String referralId, String holdId, String poolId, String reason, long poolRevision,
                                 Instant occurredAt) {
    }

    /** {@code quota.reserve-released.v1}, key poolId. */
    public record ReserveReleasedV1(String poolId, String institutionId, String department, String resource,
                                    LocalDate date, String session, int units, long poolRevision,
                                    Instant occurredAt) {
    }
}

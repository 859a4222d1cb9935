package cn.referral.referral.adapter.in.messaging;

import java.time.LocalDate;

/** The fields referral-service reads of {@code quota.events.v1} (docs/event-contracts.md). */
final class QuotaMessagesV1 {

    private QuotaMessagesV1() {
    }

    record SlotHeldV1(String referralId, String holdId, String poolId, String institutionId, String department,
                      String resource, LocalDate date, String session, boolean greenChannel) {
    }

    record WaitlistedV1(String referralId, String poolId, int position) {
    }

    record UnavailableV1(String referralId, String reason) {
    }

    record SlotConfirmedV1(String referralId, String holdId, String poolId) {
    }

    record SlotReleasedV1(String referralId, String holdId, String poolId, String reason) {
    }

    record ReserveReleasedV1(String poolId, String institutionId, long units) {
    }
}

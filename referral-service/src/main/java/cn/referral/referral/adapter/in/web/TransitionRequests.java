package cn.referral.referral.adapter.in.web;

import java.time.Instant;

import cn.referral.referral.domain.referral.CancelReason;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.TreatmentOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the state-changing endpoints; the version goes in {@code If-Match}, never in the body. */
final class TransitionRequests {

    private TransitionRequests() {
    }

    record AcceptRequest(@NotNull Instant appointmentAt) {
    }

    record RejectRequest(@NotNull RejectReason reasonCode, @Size(max = 1000) String note) {
    }

    record CancelRequest(@NotNull CancelReason reasonCode) {
    }

    record CompletionRequest(@NotNull TreatmentOutcome outcome, @NotBlank @Size(max = 20000) String summary,
                             boolean downReferralRecommended) {
    }
}

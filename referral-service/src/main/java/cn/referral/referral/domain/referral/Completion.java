package cn.referral.referral.domain.referral;

import java.time.Instant;
import java.util.Objects;

/** The closed loop: what the treating doctor reports back to the referring doctor. */
public record Completion(TreatmentOutcome outcome, String summary, boolean downReferralRecommended,
                         String completedBy, Instant completedAt) {

    public Completion {
        Objects.requireNonNull(outcome, "outcome");
        if (summary == null || summary.isBlank()) {
            throw new ReferralRuleViolation("completion-summary", "summary is required to close the loop");
        }
    }
}

package cn.referral.referral.domain.referral;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The hospitalization an inpatient is transferred out of: billing needs what deductible was
 * already paid there (in fen) to count the deductible continuously (连续计算起付线).
 */
public record SourceEpisode(LocalDate admissionDate, long deductiblePaidFen) {

    public SourceEpisode {
        Objects.requireNonNull(admissionDate, "admissionDate");
        if (deductiblePaidFen < 0) {
            throw new ReferralRuleViolation("deductible-paid", "sourceEpisode.deductiblePaidFen must not be negative");
        }
    }
}

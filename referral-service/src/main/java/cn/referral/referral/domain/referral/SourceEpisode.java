package cn.referral.referral.domain.referral;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The hospitalization an inpatient is transferred out of: billing needs what deductible was
 * already paid there (in fen) to count the deductible continuously (连续计算起付线), and the day the
 * patient leaves it (discharge or transfer, planned or actual) to see that the admission at the
 * target continues the same stay (同一次住院). {@code dischargedOn} is optional for older clients;
 * without it billing cannot show the same stay and grants no relief that needs it.
 */
public record SourceEpisode(LocalDate admissionDate, LocalDate dischargedOn, long deductiblePaidFen) {

    public SourceEpisode {
        Objects.requireNonNull(admissionDate, "admissionDate");
        if (deductiblePaidFen < 0) {
            throw new ReferralRuleViolation("deductible-paid", "sourceEpisode.deductiblePaidFen must not be negative");
        }
        if (dischargedOn != null && dischargedOn.isBefore(admissionDate)) {
            throw new ReferralRuleViolation("discharge-before-admission", "sourceEpisode.dischargedOn",
                    "the source stay cannot end (" + dischargedOn + ") before it began ("
                            + admissionDate + ")");
        }
    }
}

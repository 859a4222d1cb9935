package cn.referral.billing.domain.decision;

import java.time.LocalDate;
import java.util.Objects;

import cn.referral.billing.domain.Fen;

/**
 * The hospitalisation the patient is transferred out of: when it began, when the patient leaves it
 * (discharge or transfer date, planned or actual; null when the referral did not say) and the
 * deductible already paid there. Its presence makes a referral a candidate for continuing one
 * inpatient stay; whether it is the same stay is {@code SameHospitalisation}'s question.
 */
public record SourceEpisode(LocalDate admissionDate, LocalDate dischargedOn, Fen deductiblePaid) {

    public SourceEpisode {
        Objects.requireNonNull(deductiblePaid, "deductiblePaid");
    }
}

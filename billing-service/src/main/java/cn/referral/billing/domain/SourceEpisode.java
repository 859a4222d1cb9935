package cn.referral.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The hospitalisation the patient is transferred out of: when it began and the deductible already
 * paid there. Its presence is what makes a referral the continuation of one inpatient episode.
 */
public record SourceEpisode(LocalDate admissionDate, Fen deductiblePaid) {

    public SourceEpisode {
        Objects.requireNonNull(deductiblePaid, "deductiblePaid");
    }
}

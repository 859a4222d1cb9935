package cn.referral.billing.domain.policy;

import java.util.Objects;

/** Whether a referral is one a rule or condition speaks of, and if not, why not (told to the insurer). */
public record Fit(boolean fits, String whyNot) {

    static final Fit YES = new Fit(true, null);

    public Fit {
        if (!fits) {
            Objects.requireNonNull(whyNot, "a referral that does not fit says why");
        }
    }

    static Fit no(String whyNot) {
        return new Fit(false, whyNot);
    }
}

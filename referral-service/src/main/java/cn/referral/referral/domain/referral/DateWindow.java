package cn.referral.referral.domain.referral;

import java.time.LocalDate;
import java.util.Objects;

/** The days the referrer asks the target to see the patient. */
public record DateWindow(LocalDate from, LocalDate until) {

    public DateWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new ReferralRuleViolation("requested-window", "requestedWindow.until is before requestedWindow.from");
        }
    }
}

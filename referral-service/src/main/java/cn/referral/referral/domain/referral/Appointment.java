package cn.referral.referral.domain.referral;

import java.time.Instant;
import java.util.Objects;

/** When the accepted patient is expected, and from when a missing patient counts as a no-show. */
public record Appointment(Instant at, Instant noShowAfter) {

    public Appointment {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(noShowAfter, "noShowAfter");
    }
}

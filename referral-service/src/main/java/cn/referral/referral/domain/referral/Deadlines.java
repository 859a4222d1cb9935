package cn.referral.referral.domain.referral;

import java.time.Instant;

/** The acceptance SLA of one referral, stored with it: escalate at, expire at, whether escalated. */
public record Deadlines(Instant escalateAt, Instant acceptBy, boolean escalated) {

    Deadlines markEscalated() {
        return new Deadlines(escalateAt, acceptBy, true);
    }
}

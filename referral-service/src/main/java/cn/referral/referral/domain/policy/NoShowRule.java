package cn.referral.referral.domain.policy;

import java.time.Duration;
import java.time.Instant;

import cn.referral.referral.domain.referral.Appointment;

/**
 * An accepted patient who has not arrived {@code grace} (default 2 h) after the appointment is a
 * no-show: the reserved slot is not held for them any longer.
 * <p>
 * Seed 001 (六): “通过预留20%以上的号源 … 对经基层医生转诊的签约患者提供优先接诊” — a reserved 号源 is scarce; a
 * patient who does not come frees it, and billing revokes the deductible decision.
 */
public final class NoShowRule {

    public static final Duration DEFAULT_GRACE = Duration.ofHours(2);

    private final Duration grace;

    public NoShowRule(Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("no-show grace must be zero or positive");
        }
        this.grace = grace;
    }

    public Appointment appointmentAt(Instant at) {
        return new Appointment(at, at.plus(grace));
    }
}

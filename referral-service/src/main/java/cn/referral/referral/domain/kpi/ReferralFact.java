package cn.referral.referral.domain.kpi;

import java.time.Instant;

import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralState;

/** What a report needs to know of one referral (no patient data). */
public record ReferralFact(String referralId, Direction direction, ReferralState state, String diagnosisCode,
                           boolean overridden, boolean escalated, Instant submittedAt, Instant acceptedAt) {
}

package cn.referral.referral.domain.kpi;

/**
 * Reserved units in a period, from quota's events: held for referrals, confirmed on acceptance,
 * and released unused to the public schedule at the cutoff.
 */
public record SlotFacts(long held, long confirmed, long releasedUnused) {
}

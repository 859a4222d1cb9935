package cn.referral.billing.domain;

import cn.referral.platform.domain.ReferralId;

import java.time.Instant;

/**
 * What billing keeps once per accepted referral and revokes when the referral closes (cancelled, expired,
 * no-show): a deductible decision and the 转院备案 filed beside it. Once revoked it says when and why.
 */
public interface RevocableRecord {

    ReferralId referralId();

    /** Live (issued, registered) or revoked. */
    Enum<?> status();

    /** Why it was revoked; null while it is live. */
    ClosingReason revocationReason();

    /** When it was revoked; null while it is live. */
    Instant revokedAt();

    /**
     * Grows by one with every change: 1 once issued or registered (2501), 2 once revoked (2502). It changes at most
     * once after it is created, so whether it is revoked says how many changes it has seen and no counter is stored.
     */
    default long version() {
        return revokedAt() == null ? 1 : 2;
    }
}

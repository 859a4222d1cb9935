package cn.referral.quota.application;

import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.ReferenceViews;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.policy.ReservePolicies;

/** The ledger's outgoing ports and its region settings, as one service instance wires them. */
public record QuotaLedger(PoolStore pools, WaitlistStore waitlist, ReferralRegister referrals, QuotaMetrics metrics,
                          ReservePolicies policies, ReferenceViews views) {
}

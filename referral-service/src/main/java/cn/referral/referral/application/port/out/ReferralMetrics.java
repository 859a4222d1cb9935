package cn.referral.referral.application.port.out;

import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;

/** Business metrics of saved decisions (referrals by direction, state and urgency; time to accept). */
public interface ReferralMetrics {

    void saved(Outcome<Referral> outcome);
}

package cn.referral.referral.application.port.in;

import java.util.Set;

import cn.referral.referral.domain.referral.Action;
import cn.referral.referral.domain.referral.Referral;

/** A referral as one caller sees it: the patient revealed as far as allowed, and what the caller may do. */
public record ReferralView(Referral referral, RevealedPatient patient, Set<Action> allowedActions) {
}

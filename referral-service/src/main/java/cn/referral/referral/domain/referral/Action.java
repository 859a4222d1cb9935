package cn.referral.referral.domain.referral;

/** What someone can do to a referral; {@code GET /referrals/{id}/actions} lists them per caller. */
public enum Action {
    ACCEPT, REJECT, CANCEL, RECORD_ARRIVAL, RECORD_NO_SHOW, COMPLETE
}

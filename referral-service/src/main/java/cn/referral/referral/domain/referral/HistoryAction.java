package cn.referral.referral.domain.referral;

/**
 * What a line of a referral's history records. Stored and served by name, so a constant is never
 * renamed or removed: referrals written before it still read their history.
 */
public enum HistoryAction {
    // someone at an institution acted
    SUBMIT, ACCEPT, REJECT, CANCEL, RECORD_ARRIVAL, COMPLETE, DOWN_REFERRAL_SUBMITTED,
    // the SLA timer (NO_SHOW also when the desk records it by hand)
    ESCALATE, EXPIRE, NO_SHOW,
    // quota-service's answers
    SLOT_HELD, WAITLISTED, SLOT_UNAVAILABLE, SLOT_RELEASED, SLOT_CONFIRMED,
    // a quota answer that came too late to change the referral, written down only
    SLOT_HELD_IGNORED, WAITLISTED_IGNORED, UNAVAILABLE_IGNORED
}

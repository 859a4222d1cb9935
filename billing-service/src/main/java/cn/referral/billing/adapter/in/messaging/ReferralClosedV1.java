package cn.referral.billing.adapter.in.messaging;

/** The field billing reads of {@code referral.cancelled.v1}, {@code referral.expired.v1} and {@code referral.no-show.v1}. */
record ReferralClosedV1(String referralId) {
}

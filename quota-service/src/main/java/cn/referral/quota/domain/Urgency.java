package cn.referral.quota.domain;

/** How urgent a referral is; EMERGENCY goes through the green channel. */
public enum Urgency {
    ROUTINE, URGENT, EMERGENCY
}

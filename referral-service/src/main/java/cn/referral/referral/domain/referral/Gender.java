package cn.referral.referral.domain.referral;

public enum Gender {
    MALE, FEMALE, UNKNOWN
}

package cn.referral.billing.domain.network;

/** Functional level of an institution (the registry's); deductibles are scheduled per level. */
public enum InstitutionLevel {
    TERTIARY, SECONDARY, PRIMARY, VILLAGE_CLINIC, UNRATED;

    /** 基层: 社区卫生服务中心, 乡镇卫生院 and 村卫生室. */
    public boolean isPrimaryCare() {
        return this == PRIMARY || this == VILLAGE_CLINIC;
    }
}

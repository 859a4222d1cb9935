package cn.referral.registry.domain;

/**
 * Functional level of a medical institution (seed 003 annex 3, seed 004 §二): referrals go up to a
 * higher level and down to a lower one.
 */
public enum InstitutionLevel {
    /** 三级医院 */
    TERTIARY(4),
    /** 二级医院 */
    SECONDARY(3),
    /** 基层医疗卫生机构: 社区卫生服务中心, 乡镇卫生院 */
    PRIMARY(2),
    /** 村卫生室, 社区卫生服务站 */
    VILLAGE_CLINIC(1),
    /** 未定级 */
    UNRATED(0);

    private final int rank;

    InstitutionLevel(int rank) {
        this.rank = rank;
    }

    public boolean isAbove(InstitutionLevel other) {
        return rank > other.rank;
    }
}

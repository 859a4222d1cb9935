package cn.referral.registry.domain.institution;

/**
 * Functional level of a medical institution (seed 001 §二(四) 落实医疗机构功能定位; seed 004 第十八条):
 * referrals go up to a higher level and down to a lower one.
 */
public enum InstitutionLevel {
    /** 三级医院: 急危重症和疑难复杂疾病 */
    TERTIARY(4),
    /** 二级医院 (县、区级医院) */
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

    /** How many levels lie between this and {@code other} (0 for the same level). */
    public int distanceTo(InstitutionLevel other) {
        return Math.abs(rank - other.rank);
    }
}

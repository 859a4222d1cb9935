package cn.referral.registry.domain.alliance;

/** The part an institution plays in an alliance. */
public enum AllianceRole {
    /** 牵头医院 */
    LEAD,
    /** 枢纽型成员单位 */
    HUB,
    /** 成员单位 */
    MEMBER
}

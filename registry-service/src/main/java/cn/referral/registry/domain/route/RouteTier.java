package cn.referral.registry.domain.route;

/** Why a target is where it is in the ranking, best first. */
public enum RouteTier {
    /** 牵头医院 of an alliance the source belongs to */
    ALLIANCE_LEAD,
    /** 枢纽型成员单位 of such an alliance */
    ALLIANCE_HUB,
    /** another member of such an alliance */
    ALLIANCE_MEMBER,
    /** no alliance in common with the source */
    OUTSIDE_ALLIANCE
}

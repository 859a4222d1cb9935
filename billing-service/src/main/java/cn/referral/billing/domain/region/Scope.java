package cn.referral.billing.domain.region;

/** Where a rule of a region policy applies. */
public enum Scope {
    /** Both institutions are members of one alliance of the listed types (医联体内). */
    IN_ALLIANCE,
    /** Each institution is in an alliance of the listed types, but no such alliance holds both (医联体之间). */
    BETWEEN_ALLIANCES,
    /** Any referral, alliance or not. */
    ANY_REFERRAL
}

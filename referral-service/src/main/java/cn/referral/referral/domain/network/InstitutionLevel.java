package cn.referral.referral.domain.network;

/** Functional level of an institution as the referral rules see it: UP goes to a higher level. */
public enum InstitutionLevel {
    TERTIARY(4), SECONDARY(3), PRIMARY(2), VILLAGE_CLINIC(1), UNRATED(0);

    private final int rank;

    InstitutionLevel(int rank) {
        this.rank = rank;
    }

    public boolean isAbove(InstitutionLevel other) {
        return rank > other.rank;
    }
}

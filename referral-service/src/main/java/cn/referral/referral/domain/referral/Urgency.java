package cn.referral.referral.domain.referral;

/** How soon the target must act; EMERGENCY is the 绿色通道. Higher rank is served first. */
public enum Urgency {
    ROUTINE(1), URGENT(2), EMERGENCY(3);

    private final int rank;

    Urgency(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}

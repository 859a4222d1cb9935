package cn.referral.billing.domain;

/**
 * An amount of money in fen (分), the unit insurance settlement uses. Integer arithmetic only:
 * no floating point comes near a deductible.
 */
public record Fen(long value) implements Comparable<Fen> {

    public static final Fen ZERO = new Fen(0);

    public Fen {
        if (value < 0) {
            throw new IllegalArgumentException("an amount in fen cannot be negative: " + value);
        }
    }

    public static Fen of(long value) {
        return new Fen(value);
    }

    /** The value of an amount that may be unknown ({@code null}), as the wire and the store carry it. */
    public static Long valueOrNull(Fen amount) {
        return amount == null ? null : amount.value;
    }

    public static Fen ofNullable(Long value) {
        return value == null ? null : new Fen(value);
    }

    public Fen plus(Fen other) {
        return new Fen(Math.addExact(value, other.value));
    }

    /** This minus {@code other}, but never below zero: what remains to pay. */
    public Fen minusFloorZero(Fen other) {
        return new Fen(Math.max(0, value - other.value));
    }

    public Fen min(Fen other) {
        return value <= other.value ? this : other;
    }

    @Override
    public int compareTo(Fen other) {
        return Long.compare(value, other.value);
    }

    /** For people: yuan with two decimals, e.g. {@code ¥800.00}. */
    @Override
    public String toString() {
        return String.format("¥%d.%02d", value / 100, value % 100);
    }
}

package cn.referral.referral.domain.referral;

import java.util.List;

/**
 * The state after a command and the events it caused (none when nothing changed): the one shape of a
 * state change in every service ({@code state}, {@code events}, {@code changed}), each with its own
 * event type. Not a {@code Decision}, which in this product is a deductible decision.
 */
public record Outcome<T>(T state, List<ReferralEvent> events, boolean changed) {

    public Outcome {
        events = List.copyOf(events);
    }

    public static <T> Outcome<T> of(T state, List<ReferralEvent> events) {
        return new Outcome<>(state, events, true);
    }

    public static <T> Outcome<T> unchanged(T state) {
        return new Outcome<>(state, List.of(), false);
    }
}

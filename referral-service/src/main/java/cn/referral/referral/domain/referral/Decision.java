package cn.referral.referral.domain.referral;

import java.util.List;

/** The state after a command and the events it caused (none when nothing changed). */
public record Decision<T>(T state, List<ReferralEvent> events, boolean changed) {

    public Decision {
        events = List.copyOf(events);
    }

    public static <T> Decision<T> of(T state, List<ReferralEvent> events) {
        return new Decision<>(state, events, true);
    }

    public static <T> Decision<T> unchanged(T state) {
        return new Decision<>(state, List.of(), false);
    }
}

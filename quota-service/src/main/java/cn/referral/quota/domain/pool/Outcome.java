package cn.referral.quota.domain.pool;

import cn.referral.quota.domain.QuotaEvent;

import java.util.List;

/**
 * The state after a change, the events the change caused, and how the store must write it: the one
 * shape of a state change in every service ({@code state}, {@code events}, {@code changed}), here with
 * the write a pool's concurrent holds need:
 * {@link Write.AddHold} as one guarded update (the guard is the domain's own {@link HoldGuard}),
 * {@link Write.Replace} as a compare-and-set of the whole pool on its revision. {@link Write.None}
 * when the request had no effect (e.g. a redelivered release): nothing to store.
 */
public record Outcome<T>(T state, List<QuotaEvent> events, Write write) {

    public Outcome {
        events = List.copyOf(events);
    }

    /** How a change is written. */
    public sealed interface Write {
        /** Nothing changed. */
        record None() implements Write {
        }

        /** One hold added, if the stored pool still meets its guard. */
        record AddHold(NewHold newHold) implements Write {
            public Hold hold() {
                return newHold.hold();
            }

            public HoldGuard guard() {
                return newHold.guard();
            }
        }

        /** The whole pool replaced, if its stored revision is still the one it was read at. */
        record Replace() implements Write {
        }
    }

    public boolean changed() {
        return !(write instanceof Write.None);
    }

    public static <T> Outcome<T> none(T state) {
        return new Outcome<>(state, List.of(), new Write.None());
    }

    static <T> Outcome<T> replaced(T state, List<QuotaEvent> events) {
        return new Outcome<>(state, events, new Write.Replace());
    }

    static <T> Outcome<T> holdAdded(T state, NewHold hold) {
        return new Outcome<>(state, hold.events(), new Write.AddHold(hold));
    }
}

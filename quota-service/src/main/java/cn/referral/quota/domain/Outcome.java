package cn.referral.quota.domain;

import java.util.List;

/**
 * A pool after a change, the events the change caused, and how the store must write it:
 * {@link Write.AddHold} as one guarded update (the guard is the domain's own {@link HoldGuard}),
 * {@link Write.Replace} as a compare-and-set of the whole pool on its revision. {@link Write.None}
 * when the request had no effect (e.g. a redelivered release): nothing to store.
 */
public record PoolChange(Pool pool, List<QuotaEvent> events, Write write) {

    public PoolChange {
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

    public static PoolChange none(Pool pool) {
        return new PoolChange(pool, List.of(), new Write.None());
    }

    static PoolChange replaced(Pool pool, List<QuotaEvent> events) {
        return new PoolChange(pool, events, new Write.Replace());
    }

    static PoolChange holdAdded(Pool pool, NewHold hold) {
        return new PoolChange(pool, hold.events(), new Write.AddHold(hold));
    }
}

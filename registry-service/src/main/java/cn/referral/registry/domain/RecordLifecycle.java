package cn.referral.registry.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The life every kind of registry record leads, stated once, and the events its kind announces it by: created
 * active at version 1, revised at the next version keeping its active flag, ended (deactivated, or for a contract
 * terminated; a rule violation {@code <name>-<endedAs>} when it has ended already) and removed (registered in
 * error, withdrawn from every copy). Ending and removing leave the record inactive at its next version
 * ({@link Removable#madeInactive()}).
 *
 * @param name    how rule codes and messages name the kind: {@code institution}, {@code alliance}, ...
 * @param endedAs what an ended record is: {@code inactive}, or {@code terminated} for a contract
 * @param created the event of its creation ({@code Registered}, {@code Formed}, ...)
 * @param revised the event of a revision
 * @param ended   the event of its end ({@code Deactivated}, {@code Terminated})
 * @param removed the event of its removal, a {@link RegistryEvent.Withdrawal}
 * @param <T>     the kind of record
 */
public record RecordLifecycle<T extends RegistryRecord<?>>(String name, String endedAs, Announcement<T> created,
                                                           Announcement<T> revised, Announcement<T> ended,
                                                           Announcement<T> removed) {

    /** One of a kind's events, made from the record after the change and when it happened. */
    @FunctionalInterface
    public interface Announcement<T extends RegistryRecord<?>> {

        RegistryEvent<T> of(T record, Instant occurredAt);
    }

    public RecordLifecycle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endedAs, "endedAs");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(revised, "revised");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(removed, "removed");
    }

    /** A new record, built active at version 1. */
    public Outcome<T> created(T record, Instant now) {
        return announced(record, created, now);
    }

    /** The record with new details, built at its next version with the active flag it had. */
    public Outcome<T> revised(T record, Instant now) {
        return announced(record, revised, now);
    }

    /** Taken out of use, kept for history; fails when {@code current} has ended already. */
    public Outcome<T> ended(Removable<?, T> current, Instant now) {
        if (!current.active()) {
            throw new RegistryRuleViolation(name + "-" + endedAs,
                    name + " " + current.id() + " is already " + endedAs);
        }
        return announced(current.madeInactive(), ended, now);
    }

    /** Registered in error: withdrawn from every copy. */
    public Outcome<T> removed(Removable<?, T> current, Instant now) {
        return announced(current.madeInactive(), removed, now);
    }

    private Outcome<T> announced(T state, Announcement<T> event, Instant now) {
        return Outcome.of(state, event.of(state, now));
    }
}

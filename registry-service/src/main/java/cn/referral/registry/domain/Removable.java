package cn.referral.registry.domain;

import java.time.Instant;

/**
 * A record that can be removed: registered in error, withdrawn from every copy (a
 * {@link RegistryEvent.Withdrawal}). Every kind of registry record; its {@link RecordLifecycle} names the events.
 *
 * @param <I> the type of its id
 * @param <T> the record
 */
public interface Removable<I, T extends RegistryRecord<?>> extends RegistryRecord<I> {

    /** How records of this kind live, and the events that announce each change. */
    RecordLifecycle<T> lifecycle();

    /**
     * The kind named by its lifecycle, capitalised: {@code Institution}, {@code Alliance}, {@code Catalog},
     * {@code Contract}, {@code Practitioner}.
     */
    @Override
    default String what() {
        String name = lifecycle().name();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** This record inactive at its next version: what ending or removing it leaves. */
    T madeInactive();

    /** Registered in error: withdrawn from every copy. */
    default Outcome<T> remove(Instant now) {
        return lifecycle().removed(this, now);
    }
}

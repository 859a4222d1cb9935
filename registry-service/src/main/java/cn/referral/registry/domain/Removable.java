package cn.referral.registry.domain;

import java.time.Instant;

/**
 * A record that can be removed: registered in error, withdrawn from every copy (a
 * {@link RegistryEvent.Withdrawal}). Every kind of registry record.
 *
 * @param <T> the record
 */
public interface Removable<T extends RegistryRecord<?>> {

    Outcome<T> remove(Instant now);
}

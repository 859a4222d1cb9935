package cn.referral.referral.application.port.out;

import reactor.core.publisher.Mono;
import cn.referral.platform.domain.ReferralId;

/** Idempotency-Key records of POST /referrals, unique per caller and key. */
public interface IdempotencyKeys {

    record Reservation(String key, String fingerprint, ReferralId referralId) {
    }

    Mono<Reservation> find(String key);

    /** Records the key for {@code referralId}; emits the record that won, which is ours unless another request raced us. */
    Mono<Reservation> reserve(Reservation reservation);
}

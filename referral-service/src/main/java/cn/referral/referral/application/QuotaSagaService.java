package cn.referral.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.domain.StaleVersion;
import cn.referral.referral.application.port.in.QuotaSagaUseCases;
import cn.referral.referral.application.port.out.ReferralMetrics;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.application.port.out.SlotLedger;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.SlotHold;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The referral side of the slot saga: quota's answers move the referral (held → SLOT_HELD,
 * waitlisted → WAITLISTED, unavailable → flagged) or are written down when they come too late.
 * A concurrent change of the same referral (a desk accepting it) makes the write stale; it is
 * re-read and re-applied.
 */
public class QuotaSagaService implements QuotaSagaUseCases {

    private static final Logger log = LoggerFactory.getLogger(QuotaSagaService.class);
    private static final int STALE_RETRIES = 5;

    private final ReferralStore store;
    private final SlotLedger ledger;
    private final ReferralMetrics metrics;
    private final Clock clock;

    public QuotaSagaService(ReferralStore store, SlotLedger ledger, ReferralMetrics metrics, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Mono<Void> slotHeld(ReferralId referralId, SlotHold hold, InstitutionId institutionId) {
        return apply(referralId, referral -> referral.slotHeld(hold, clock.instant()))
                .then(ledger.record("held:" + hold.holdId().value(), SlotLedger.Kind.HELD, institutionId, 1,
                        clock.instant()));
    }

    @Override
    public Mono<Void> waitlisted(ReferralId referralId, PoolId poolId, int position) {
        return apply(referralId, referral -> referral.waitlisted(poolId, position, clock.instant())).then();
    }

    @Override
    public Mono<Void> unavailable(ReferralId referralId, String reason) {
        return apply(referralId, referral -> referral.slotUnavailable(reason, clock.instant())).then();
    }

    @Override
    public Mono<Void> slotConfirmed(ReferralId referralId, HoldId holdId) {
        return apply(referralId, referral -> referral.slotConfirmed(holdId, clock.instant()))
                .flatMap(referral -> ledger.record("confirmed:" + holdId.value(), SlotLedger.Kind.CONFIRMED,
                        referral.toInstitutionId(), 1, clock.instant()));
    }

    @Override
    public Mono<Void> slotReleased(ReferralId referralId, HoldId holdId, String reason) {
        return apply(referralId, referral -> referral.slotReleased(holdId, reason, clock.instant())).then();
    }

    @Override
    public Mono<Void> reserveReleased(String eventId, PoolId poolId, InstitutionId institutionId, long units,
                                      Instant at) {
        return ledger.record("released:" + eventId, SlotLedger.Kind.RELEASED_UNUSED, institutionId, units,
                at == null ? clock.instant() : at);
    }

    private Mono<Referral> apply(ReferralId referralId, Function<Referral, Outcome<Referral>> change) {
        return Mono.defer(() -> store.find(referralId))
                .flatMap(referral -> {
                    Outcome<Referral> outcome = change.apply(referral);
                    if (!outcome.changed()) {
                        return Mono.just(referral);
                    }
                    return store.update(outcome, referral.version()).doOnNext(saved -> metrics.saved(outcome));
                })
                .retryWhen(Retry.max(STALE_RETRIES).filter(StaleVersion.class::isInstance))
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn(
                        "Quota event for unknown referral {} ignored", referralId)));
    }
}

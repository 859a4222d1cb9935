package cn.referral.referral.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.domain.StaleVersion;
import cn.referral.referral.application.port.in.UpReferralLinkUseCases;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.domain.referral.Actor;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralRuleViolation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The closed loop's second write: the up-referral names the down-referral that continues it (seed 002:
 * “跟踪转诊患者治疗过程，做好接续服务”). The down-referral is inserted first, marked as awaiting this link in
 * the same write; the link is a separate single-document write (no transactions, DESIGN §6), after which
 * the mark goes. A process that dies between the two leaves the mark, and {@link #linkPending} makes the
 * link later, so the up-referral never stays on the hospital's list of down-referrals due.
 * <p>
 * Linking is idempotent: the same down-referral again changes nothing. If two down-referrals for one
 * up-referral raced past the submission check, the first link stays; the second still names its
 * up-referral, so the loop is followed from the lower end, and its mark is settled all the same.
 */
public class UpReferralLinks implements UpReferralLinkUseCases {

    private static final Logger log = LoggerFactory.getLogger(UpReferralLinks.class);

    private final ReferralStore store;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;

    /**
     * @param grace     how long after its submission a down-referral's link is left to the submission itself
     * @param batchSize at most this many pending links per run
     */
    public UpReferralLinks(ReferralStore store, Clock clock, Duration grace, int batchSize) {
        this.store = store;
        this.clock = clock;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    /** Links {@code down} into its up-referral (if it names one), then settles its mark. */
    Mono<Void> link(Referral down, Actor actor) {
        ReferralId upId = down.request().upReferralId();
        if (upId == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> store.find(upId).flatMap(up -> {
                    Outcome<Referral> linked = up.linkDownReferral(down.id(), actor, clock.instant());
                    return linked.state() == up ? Mono.just(up) : store.update(linked, up.version());
                }))
                .retryWhen(Retry.max(5).filter(StaleVersion.class::isInstance))
                .onErrorResume(ReferralRuleViolation.class, alreadyLinked -> Mono.empty())
                .then(Mono.defer(() -> store.upLinkSettled(down.id())));
    }

    @Override
    public Mono<Long> linkPending() {
        return store.awaitingUpLink(clock.instant().minus(grace), batchSize)
                .concatMap(down -> link(down, Actor.SYSTEM)
                        .doOnSuccess(done -> log.info("Linked down-referral {} into up-referral {} after its "
                                + "submission left the link unmade", down.id(), down.request().upReferralId()))
                        .thenReturn(down)
                        .onErrorResume(StaleVersion.class, busy -> Mono.empty()))
                .count();
    }
}

package cn.referral.quota.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.quota.application.port.in.OpenPoolCommand;
import cn.referral.quota.application.port.in.PoolStanding;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.application.port.in.PoolView;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.pool.Actor;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolPermissions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pools are managed by the referral desk (转诊服务中心) of their institution and read by anyone of
 * that institution; to everyone else they do not exist (404, not 403). Only how many reserved units
 * are free is shown further: to the doctors and desks who refer patients there. The domain's
 * {@link PoolPermissions} decides, for the caller as the domain sees them ({@link Actors}).
 */
public class PoolService implements PoolUseCases {

    private final PoolStore pools;
    private final WaitlistStore waitlist;
    private final PoolUpdates updates;
    private final HoldingPools holdingPools;
    private final WaitlistPromotion promotion;
    private final ZoneId zone;
    private final Supplier<String> ids;

    public PoolService(QuotaLedger ledger, Clock clock, ZoneId zone, Supplier<String> ids) {
        this.pools = ledger.pools();
        this.waitlist = ledger.waitlist();
        this.updates = new PoolUpdates(pools, ledger.metrics());
        this.holdingPools = new HoldingPools(pools, ledger.referrals());
        this.promotion = new WaitlistPromotion(ledger, updates,
                new ReservePolicyLookup(ledger.policies(), ledger.views()), clock, ids);
        this.zone = zone;
        this.ids = ids;
    }

    @Override
    public Mono<PoolView> open(OpenPoolCommand command, Caller caller) {
        Actor actor = Actors.of(caller);
        return Mono.fromCallable(() -> {
            requireDesk(actor);
            if (!PoolPermissions.maySeePoolsOf(command.key().institutionId(), actor)) {
                throw new NotPermitted("own-institution", "A referral desk opens pools of its own institution only");
            }
            return Pool.open(new PoolId(ids.get()), command.key(), command.capacity(), command.reserved(), zone);
        }).flatMap(pools::insert).map(pool -> new PoolView(pool, 0));
    }

    @Override
    public Mono<Long> openAllIfAbsent(Map<PoolId, OpenPoolCommand> opening) {
        return pools.existing(opening.keySet()).collect(Collectors.toSet())
                .flatMapMany(existing -> Flux.fromIterable(opening.entrySet())
                        .filter(entry -> !existing.contains(entry.getKey())))
                .concatMap(entry -> Mono.fromCallable(() -> Pool.open(entry.getKey(), entry.getValue().key(),
                                entry.getValue().capacity(), entry.getValue().reserved(), zone))
                        .flatMap(pools::insertIfAbsent))
                .filter(Boolean::booleanValue)
                .count();
    }

    @Override
    public Mono<PoolView> find(PoolId poolId, Caller caller) {
        return visible(poolId, Actors.of(caller)).flatMap(pool -> views(List.of(pool))).map(found -> found.get(0));
    }

    @Override
    public Mono<List<PoolView>> list(InstitutionId institutionId, LocalDate date, Caller caller) {
        if (!PoolPermissions.maySeePoolsOf(institutionId, Actors.of(caller))) {
            return Mono.error(new NotFound("Institution", institutionId.value()));
        }
        return pools.findByInstitutionAndDate(institutionId, date).collectList().flatMap(this::views);
    }

    @Override
    public Mono<List<Pool>> reserveOn(InstitutionId institutionId, LocalDate date, Caller caller) {
        if (!PoolPermissions.maySeeFreeReserve(Actors.of(caller))) {
            return Mono.error(new NotPermitted("reserve-readers", "The reserve's free units are shown to those who refer patients"));
        }
        return pools.findByInstitutionAndDate(institutionId, date).collectList();
    }

    @Override
    public Mono<PoolView> resize(PoolId poolId, int capacity, int reserved, Caller caller) {
        Actor actor = Actors.of(caller);
        return visible(poolId, actor)
                .doOnNext(pool -> requireDesk(actor))
                .flatMap(pool -> updates.update(poolId, current -> current.resize(capacity, reserved)))
                .flatMap(change -> promotion.promote(poolId))
                .then(find(poolId, caller));
    }

    @Override
    public Mono<List<PoolStanding>> standings(ReferralId referralId, Caller caller) {
        Flux<PoolStanding> holding = holdingPools.of(referralId).map(pool -> new PoolStanding(pool, null));
        Flux<PoolStanding> waiting = waitlist.waitingFor(referralId)
                .concatMap(entry -> Mono.zip(pools.findById(entry.poolId()), waitlist.positionOf(entry),
                        PoolStanding::new));
        Actor actor = Actors.of(caller);
        return Flux.concat(holding, waiting)
                .filter(standing -> PoolPermissions.maySee(standing.pool(), actor))
                .collectList();
    }

    private Mono<Pool> visible(PoolId poolId, Actor actor) {
        return pools.findById(poolId)
                .filter(pool -> PoolPermissions.maySee(pool, actor))
                .switchIfEmpty(Mono.error(() -> new NotFound("Pool", poolId.value())));
    }

    private Mono<List<PoolView>> views(List<Pool> found) {
        return waitlist.waitingCounts(found.stream().map(Pool::id).toList())
                .map(counts -> found.stream().map(pool -> new PoolView(pool, waiting(counts, pool))).toList());
    }

    private static long waiting(Map<PoolId, Long> counts, Pool pool) {
        return counts.getOrDefault(pool.id(), 0L);
    }

    private static void requireDesk(Actor actor) {
        if (!PoolPermissions.managesPools(actor)) {
            throw new NotPermitted("desk-manages-pools", "Pools are managed by the institution's referral desk");
        }
    }
}

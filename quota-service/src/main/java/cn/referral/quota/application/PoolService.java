package cn.referral.quota.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.quota.application.port.in.OpenPoolCommand;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.PoolChange;
import reactor.core.publisher.Mono;

/**
 * Pools are managed by the referral desk (转诊服务中心) of their institution and read by anyone of
 * that institution; to everyone else they do not exist (404, not 403).
 */
public class PoolService implements PoolUseCases {

    private final PoolStore pools;
    private final PoolUpdates updates;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<String> ids;

    public PoolService(PoolStore pools, QuotaMetrics metrics, Clock clock, ZoneId zone, Supplier<String> ids) {
        this.pools = pools;
        this.updates = new PoolUpdates(pools, metrics);
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
    }

    @Override
    public Mono<Pool> open(OpenPoolCommand command, Caller caller) {
        return Mono.fromCallable(() -> {
            requireDesk(caller);
            if (!caller.belongsTo(command.key().institutionId())) {
                throw new NotPermitted("A referral desk opens pools of its own institution only");
            }
            return Pool.open(ids.get(), command.key(), command.capacity(), command.reserved(), zone);
        }).flatMap(pools::insert);
    }

    @Override
    public Mono<Boolean> openIfAbsent(String id, OpenPoolCommand command) {
        return Mono.fromCallable(() -> Pool.open(id, command.key(), command.capacity(), command.reserved(), zone))
                .flatMap(pools::insertIfAbsent);
    }

    @Override
    public Mono<Pool> find(String poolId, Caller caller) {
        return pools.findById(poolId)
                .filter(pool -> caller.belongsTo(pool.key().institutionId()))
                .switchIfEmpty(Mono.error(() -> new PoolNotFound("pool", poolId)));
    }

    @Override
    public Mono<List<Pool>> list(String institutionId, LocalDate date, Caller caller) {
        if (!caller.belongsTo(institutionId)) {
            return Mono.error(new PoolNotFound("institution", institutionId));
        }
        return pools.findByInstitutionAndDate(institutionId, date).collectList();
    }

    @Override
    public Mono<Pool> resize(String poolId, int capacity, int reserved, Caller caller) {
        return find(poolId, caller)
                .doOnNext(pool -> requireDesk(caller))
                .flatMap(pool -> updates.update(poolId,
                        current -> current.resize(capacity, reserved, clock.instant(), ids)))
                .map(PoolChange::pool);
    }

    @Override
    public Mono<List<Pool>> poolsKnowing(String referralId, Caller caller) {
        return pools.findKnowing(referralId)
                .filter(pool -> caller.belongsTo(pool.key().institutionId()))
                .collectList();
    }

    private static void requireDesk(Caller caller) {
        if (!caller.has(Role.REFERRAL_DESK)) {
            throw new NotPermitted("Pools are managed by the institution's referral desk");
        }
    }
}

package cn.referral.quota.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.application.port.in.PoolStanding;
import cn.referral.quota.domain.pool.Pool;

/**
 * Where a referral stands in one pool: {@code HELD}, {@code CONFIRMED}, {@code RELEASED} (with the
 * reason) or {@code WAITLISTED} (with its position in service order now).
 */
record HoldResponse(String referralId, String poolId, String institutionId, String department, String resource,
                    String date, String session, String state, String holdId, Boolean greenChannel, Instant heldAt,
                    Instant expiresAt, String releaseReason, Instant releasedAt, Integer waitlistPosition) {

    static List<HoldResponse> of(String referralId, PoolStanding standing) {
        Pool pool = standing.pool();
        if (standing.waitlistPosition() != null) {
            return List.of(of(referralId, pool, "WAITLISTED", null, null, null, null, null, null,
                    standing.waitlistPosition()));
        }
        Stream<HoldResponse> active = pool.holdOf(new ReferralId(referralId)).stream()
                .map(hold -> of(referralId, pool, hold.status().name(), hold.holdId().value(), hold.greenChannel(),
                        hold.heldAt(), hold.expiresAt(), null, null, null));
        Stream<HoldResponse> released = pool.released().stream()
                .filter(r -> r.hold().referralId().value().equals(referralId))
                .map(r -> of(referralId, pool, "RELEASED", r.hold().holdId().value(), r.hold().greenChannel(),
                        r.hold().heldAt(), r.hold().expiresAt(), r.reason().name(), r.releasedAt(), null));
        return Stream.concat(active, released).toList();
    }

    private static HoldResponse of(String referralId, Pool pool, String state, String holdId, Boolean greenChannel,
                                   Instant heldAt, Instant expiresAt, String releaseReason, Instant releasedAt,
                                   Integer position) {
        return new HoldResponse(referralId, pool.id().value(), pool.key().institutionId().value(),
                pool.key().department(), pool.key().resource().name(), pool.key().date().toString(),
                pool.key().session().name(), state, holdId, greenChannel, heldAt, expiresAt, releaseReason, releasedAt,
                position);
    }
}

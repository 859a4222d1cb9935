package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.InstitutionId;

/**
 * Who may see and manage pools (DESIGN §5, object-level access): an institution's pools are managed by
 * its referral desk (转诊服务中心) and read by anyone of that institution; to everyone else they do not
 * exist. Only how many reserved units are free is shown further: to the doctors and desks who refer
 * patients there.
 */
public final class PoolPermissions {

    private PoolPermissions() {
    }

    /** Whether the actor sees the pools of {@code institution}: those of their own institution only. */
    public static boolean maySeePoolsOf(InstitutionId institution, Actor actor) {
        return actor.worksAt(institution);
    }

    public static boolean maySee(Pool pool, Actor actor) {
        return maySeePoolsOf(pool.key().institutionId(), actor);
    }

    /** Whether the actor opens and resizes pools (of the institution they work at, which they alone see). */
    public static boolean managesPools(Actor actor) {
        return actor.role() == ActorRole.REFERRAL_DESK;
    }

    /** Whether the actor sees how many reserved units are free, at any institution: those who refer patients. */
    public static boolean maySeeFreeReserve(Actor actor) {
        return switch (actor.role()) {
            case REFERRAL_DESK, DOCTOR -> true;
            case OTHER -> false;
        };
    }
}

package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Pools and referrals for domain tests, named for the situation. */
public final class Pools {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final InstitutionId HOSPITAL = new InstitutionId("wz-wmu-first-hospital");
    public static final String CARDIOLOGY = "心血管内科";
    public static final LocalDate SESSION_DAY = LocalDate.parse("2026-12-01");
    /** Well before any cutoff of {@link #SESSION_DAY}. */
    public static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    private Pools() {
    }

    public static PoolKey aCardiologyClinicMorning(LocalDate date) {
        return new PoolKey(HOSPITAL, CARDIOLOGY, Resource.EXPERT_CLINIC, date, Session.MORNING);
    }

    /** An expert clinic pool with {@code reserved} of {@code capacity} units kept for referrals. */
    public static Pool anExpertClinic(int capacity, int reserved) {
        return Pool.open(new PoolId("pool-1"), aCardiologyClinicMorning(SESSION_DAY), capacity, reserved, SHANGHAI);
    }

    public static HoldRequest aReferral(String referralId, Urgency urgency, boolean contracted) {
        return new HoldRequest(new ReferralId(referralId), HOSPITAL, CARDIOLOGY, Resource.EXPERT_CLINIC, urgency,
                contracted, false, SESSION_DAY.minusDays(2), SESSION_DAY.plusDays(2), NOW.plus(Duration.ofHours(48)));
    }

    /** A contracted patient referred by a doctor of their contracted primary institution (001). */
    public static HoldRequest aReferralFromTheContractedPrimary(String referralId, Urgency urgency) {
        return new HoldRequest(new ReferralId(referralId), HOSPITAL, CARDIOLOGY, Resource.EXPERT_CLINIC, urgency,
                true, true, SESSION_DAY.minusDays(2), SESSION_DAY.plusDays(2), NOW.plus(Duration.ofHours(48)));
    }

    /** Seed 002's policy: the reserve serves any referral. */
    public static final ReservePolicy ANY_REFERRAL = new ReservePolicy.AnyReferral();

    /** A reserved hold before the cutoff under seed 002's policy. */
    public static Outcome<Pool> held(Pool pool, HoldRequest request) {
        return pool.holdReserved(request, ANY_REFERRAL, false, new HoldId("hold-of-" + request.referralId()), NOW)
                .orElseThrow();
    }

    /** The entry the referral gets as the pool's {@code seq}-th arrival on its waitlist. */
    public static WaitlistEntry waiting(Pool pool, HoldRequest request, long seq) {
        return request.asWaitlistEntry(pool.id(), WaitlistOrder.classOf(request, ANY_REFERRAL), true, seq, NOW);
    }

    public static HoldRequest aRoutineReferral(String referralId) {
        return aReferral(referralId, Urgency.ROUTINE, false);
    }

    public static Supplier<String> holdIds() {
        AtomicInteger next = new AtomicInteger();
        return () -> "hold-" + next.incrementAndGet();
    }
}

package cn.referral.quota.domain.policy;

import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import java.util.Comparator;
import java.util.List;

/**
 * Who gets a released unit first: EMERGENCY, then URGENT, then 签约 (contracted) patients where the
 * region's policy favours them ({@link ReservePolicy#favoursContracted()}), then the rest; first come
 * first served within a class. Seed 001: "通过预留20%以上的号源、开通绿色通道等方式,
 * 对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务" (CONTRACTED_FIRST regions only); seed 002:
 * "畅通绿色转诊通道" (no word on contracted patients, so there a contracted ROUTINE referral waits as ROUTINE).
 * <p>
 * "First come" is the arrival number ({@code seq}) the pool hands out atomically, the same on every
 * replica; the store keeps {@link #rankOf rank} and {@code seq} on each entry and serves the lowest.
 */
public final class WaitlistOrder {

    /** Service order: class first, then arrival. */
    public static final Comparator<WaitlistEntry> SERVICE_ORDER = Comparator
            .comparing(WaitlistEntry::waitlistClass).thenComparingLong(WaitlistEntry::seq);

    private WaitlistOrder() {
    }

    /** The class a referral joins the waitlist in, under its pool's region policy. */
    public static WaitlistClass classOf(HoldRequest request, ReservePolicy policy) {
        // seed 001: 经基层医生转诊的签约患者 — contracted, and referred by the institution they are contracted with,
        // as for the reserve itself (ReservePolicy.ContractedFirst)
        return classOf(request.urgency(), request.referredByContractedPrimary() && policy.favoursContracted());
    }

    public static WaitlistClass classOf(Urgency urgency, boolean contracted) {
        return switch (urgency) {
            case EMERGENCY -> WaitlistClass.EMERGENCY;
            case URGENT -> WaitlistClass.URGENT;
            case ROUTINE -> contracted ? WaitlistClass.CONTRACTED : WaitlistClass.ROUTINE;
        };
    }

    /** The stored rank of an entry: lower is served first. */
    public static int rankOf(WaitlistEntry entry) {
        return entry.waitlistClass().ordinal();
    }

    /**
     * 1-based place in service order of a referral of {@code joining} class that has just been counted
     * in, from the pool's count of waiting referrals per class at that moment: everyone of a better or
     * the same class waiting then is ahead of it or is it.
     */
    public static int positionOnJoining(java.util.Map<WaitlistClass, Long> waitingByClass, WaitlistClass joining) {
        return (int) waitingByClass.entrySet().stream().filter(e -> e.getKey().compareTo(joining) <= 0)
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** The entries in the order they will be served. */
    public static List<WaitlistEntry> serviceOrder(List<WaitlistEntry> entries) {
        return entries.stream().sorted(SERVICE_ORDER).toList();
    }
}

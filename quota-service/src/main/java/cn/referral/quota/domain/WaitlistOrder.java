package cn.referral.quota.domain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Who gets a released unit first: EMERGENCY, then URGENT, then 签约 (contracted) patients, then
 * the rest; first come first served within a class. Seed 001: "通过预留20%以上的号源、开通绿色通道等方式,
 * 对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务"; seed 002: "畅通绿色转诊通道".
 * <p>
 * The waitlist is stored in arrival order (the order in which the ledger accepted the entries);
 * this policy turns it into service order. A stable sort keeps arrival order within a class.
 */
public final class WaitlistOrder {

    private WaitlistOrder() {
    }

    public static WaitlistClass classOf(Urgency urgency, boolean contracted) {
        return switch (urgency) {
            case EMERGENCY -> WaitlistClass.EMERGENCY;
            case URGENT -> WaitlistClass.URGENT;
            case ROUTINE -> contracted ? WaitlistClass.CONTRACTED : WaitlistClass.ROUTINE;
        };
    }

    /** The entries in the order they will be served. */
    public static List<WaitlistEntry> serviceOrder(List<WaitlistEntry> arrivalOrder) {
        // List.sort is stable: within a class, arrival order stays
        return arrivalOrder.stream().sorted(Comparator.comparing(WaitlistEntry::waitlistClass)).toList();
    }

    /** 1-based place of {@code referralId} in service order, or 0 when it is not waiting. */
    public static int positionOf(String referralId, List<WaitlistEntry> arrivalOrder) {
        List<WaitlistEntry> served = serviceOrder(arrivalOrder);
        return IntStream.range(0, served.size())
                .filter(i -> served.get(i).referralId().equals(referralId))
                .map(i -> i + 1)
                .findFirst()
                .orElse(0);
    }
}

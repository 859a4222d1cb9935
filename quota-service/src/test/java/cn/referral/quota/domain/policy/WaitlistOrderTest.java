package cn.referral.quota.domain.policy;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.Pools;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitlistOrderTest {

    private static final Instant T = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void emergencyComesBeforeUrgentBeforeContractedBeforeTheRest() {
        List<WaitlistEntry> arrival = List.of(entry("routine", Urgency.ROUTINE, false),
                entry("contracted", Urgency.ROUTINE, true), entry("urgent", Urgency.URGENT, false),
                entry("emergency", Urgency.EMERGENCY, false));

        assertThat(WaitlistOrder.serviceOrder(arrival)).extracting(entry -> entry.referralId().value())
                .containsExactly("emergency", "urgent", "contracted", "routine");
    }

    @Test
    void withinAClassTheFirstToArriveIsServedFirst() {
        List<WaitlistEntry> arrival = List.of(entry("routine-1", Urgency.ROUTINE, false),
                entry("urgent-1", Urgency.URGENT, false), entry("routine-2", Urgency.ROUTINE, false),
                entry("urgent-2", Urgency.URGENT, true), entry("contracted-1", Urgency.ROUTINE, true),
                entry("contracted-2", Urgency.ROUTINE, true), entry("emergency-1", Urgency.EMERGENCY, true),
                entry("emergency-2", Urgency.EMERGENCY, false));

        assertThat(WaitlistOrder.serviceOrder(arrival)).extracting(entry -> entry.referralId().value()).containsExactly(
                "emergency-1", "emergency-2", "urgent-1", "urgent-2", "contracted-1", "contracted-2",
                "routine-1", "routine-2");
    }

    @ParameterizedTest(name = "{0} policy, {1}, contracted {2}, referred by their own primary {3} -> {4}")
    @CsvSource({
            // seed 001's region: 经基层医生转诊的签约患者 (contracted, referred by their own primary institution) wait
            // ahead of other ROUTINE ones
            "CONTRACTED_FIRST, ROUTINE,   true,  true,  CONTRACTED",
            "CONTRACTED_FIRST, ROUTINE,   true,  false, ROUTINE",
            "CONTRACTED_FIRST, ROUTINE,   false, false, ROUTINE",
            "CONTRACTED_FIRST, URGENT,    true,  true,  URGENT",
            "CONTRACTED_FIRST, EMERGENCY, true,  true,  EMERGENCY",
            // seed 002 (Nan'an, the default) says nothing of contracted patients: first come first served
            "ANY,              ROUTINE,   true,  true,  ROUTINE",
            "ANY,              ROUTINE,   false, false, ROUTINE",
            "ANY,              URGENT,    true,  true,  URGENT",
            "ANY,              EMERGENCY, false, false, EMERGENCY",
    })
    void theContractedClassExistsOnlyWhereTheRegionPolicyFavoursContractedPatients(String policyName,
            Urgency urgency, boolean contracted, boolean referredByOwnPrimary, WaitlistClass expected) {
        ReservePolicy policy = policyName.equals("ANY") ? new ReservePolicy.AnyReferral()
                : new ReservePolicy.ContractedFirst(20);
        HoldRequest request = new HoldRequest(new ReferralId("r"), Pools.HOSPITAL, Pools.CARDIOLOGY,
                Resource.EXPERT_CLINIC, urgency, contracted, referredByOwnPrimary, Pools.SESSION_DAY, Pools.SESSION_DAY,
                T);

        assertThat(WaitlistOrder.classOf(request, policy)).isEqualTo(expected);
    }

    @Test
    void underAnyReferralAContractedRoutineReferralWaitsBehindAnEarlierRoutineOne() {
        ReservePolicy nanAn = new ReservePolicy.AnyReferral();
        HoldRequest earlier = aRoutine("earlier", false);
        HoldRequest contracted = aRoutine("contracted", true);
        List<WaitlistEntry> arrival = List.of(
                earlier.asWaitlistEntry(new PoolId("pool-1"), WaitlistOrder.classOf(earlier, nanAn), true, 1, T),
                contracted.asWaitlistEntry(new PoolId("pool-1"), WaitlistOrder.classOf(contracted, nanAn), true, 2, T));

        assertThat(WaitlistOrder.serviceOrder(arrival)).extracting(entry -> entry.referralId().value())
                .containsExactly("earlier", "contracted");
    }

    private static HoldRequest aRoutine(String referralId, boolean contracted) {
        return new HoldRequest(new ReferralId(referralId), Pools.HOSPITAL, Pools.CARDIOLOGY,
                Resource.EXPERT_CLINIC, Urgency.ROUTINE, contracted, false, Pools.SESSION_DAY, Pools.SESSION_DAY, T);
    }

    @Test
    void anUrgentContractedPatientCountsAsUrgent() {
        assertThat(WaitlistOrder.classOf(Urgency.URGENT, true)).isEqualTo(WaitlistClass.URGENT);
        assertThat(WaitlistOrder.classOf(Urgency.ROUTINE, true)).isEqualTo(WaitlistClass.CONTRACTED);
        assertThat(WaitlistOrder.classOf(Urgency.ROUTINE, false)).isEqualTo(WaitlistClass.ROUTINE);
    }

    @Test
    void arrivalIsTheNumberThePoolHandedOutNotTheListOrder() {
        List<WaitlistEntry> stored = List.of(entry("second", Urgency.ROUTINE, false, 2),
                entry("first", Urgency.ROUTINE, false, 1));

        assertThat(WaitlistOrder.serviceOrder(stored)).extracting(entry -> entry.referralId().value())
                .containsExactly("first", "second");
    }

    private static int arrivals;

    private static WaitlistEntry entry(String referralId, Urgency urgency, boolean contracted) {
        return entry(referralId, urgency, contracted, ++arrivals);
    }

    private static WaitlistEntry entry(String referralId, Urgency urgency, boolean contracted, long seq) {
        return new WaitlistEntry(new PoolId("pool-1"), new ReferralId(referralId), urgency, contracted,
                WaitlistOrder.classOf(urgency, contracted), true, T.plusSeconds(3600), T, seq);
    }
}

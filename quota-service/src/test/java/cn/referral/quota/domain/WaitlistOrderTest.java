package cn.referral.quota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaitlistOrderTest {

    private static final Instant T = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void emergencyComesBeforeUrgentBeforeContractedBeforeTheRest() {
        List<WaitlistEntry> arrival = List.of(entry("routine", Urgency.ROUTINE, false),
                entry("contracted", Urgency.ROUTINE, true), entry("urgent", Urgency.URGENT, false),
                entry("emergency", Urgency.EMERGENCY, false));

        assertThat(WaitlistOrder.serviceOrder(arrival)).extracting(WaitlistEntry::referralId)
                .containsExactly("emergency", "urgent", "contracted", "routine");
    }

    @Test
    void withinAClassTheFirstToArriveIsServedFirst() {
        List<WaitlistEntry> arrival = List.of(entry("routine-1", Urgency.ROUTINE, false),
                entry("urgent-1", Urgency.URGENT, false), entry("routine-2", Urgency.ROUTINE, false),
                entry("urgent-2", Urgency.URGENT, true), entry("contracted-1", Urgency.ROUTINE, true),
                entry("contracted-2", Urgency.ROUTINE, true), entry("emergency-1", Urgency.EMERGENCY, true),
                entry("emergency-2", Urgency.EMERGENCY, false));

        assertThat(WaitlistOrder.serviceOrder(arrival)).extracting(WaitlistEntry::referralId).containsExactly(
                "emergency-1", "emergency-2", "urgent-1", "urgent-2", "contracted-1", "contracted-2",
                "routine-1", "routine-2");
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

        assertThat(WaitlistOrder.serviceOrder(stored)).extracting(WaitlistEntry::referralId)
                .containsExactly("first", "second");
    }

    private static int arrivals;

    private static WaitlistEntry entry(String referralId, Urgency urgency, boolean contracted) {
        return entry(referralId, urgency, contracted, ++arrivals);
    }

    private static WaitlistEntry entry(String referralId, Urgency urgency, boolean contracted, long seq) {
        return new WaitlistEntry("pool-1", referralId, urgency, contracted, true, T.plusSeconds(3600), T, seq);
    }
}

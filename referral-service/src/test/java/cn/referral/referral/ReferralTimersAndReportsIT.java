package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.testing.ManagementPort;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.support.ReferralItSupport;
import tools.jackson.databind.JsonNode;

/** SLA timers driven by a clock the test moves (no sleeping), KPIs and business metrics. */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = "referral.timer-interval=100ms")
class ReferralTimersAndReportsIT extends ReferralItSupport {

    /** Health and metrics listen on their own port (management.server.port), not on the API's. */
    @LocalManagementPort
    private int managementPort;


    @Test
    void aRoutineReferralNobodyAcceptsIsEscalatedAfter24HoursAndExpiresAfter48() {
        String id = submitted(centreDoctor, upReferral(idNumber(101), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        JsonNode submitted = referral(id, cityDesk);
        String acceptBy = submitted.get("deadlines").get("acceptBy").asString();

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        JsonNode escalated = event(id, "referral.escalated.v1");
        assertThat(escalated.get("deadline").asString()).isEqualTo(acceptBy);
        JsonNode stillOpen = referral(id, cityDesk);
        assertThat(stillOpen.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(stillOpen.get("deadlines").get("escalated").asBoolean()).isTrue();

        clock.advance(Duration.ofHours(24));
        JsonNode expired = awaitState(id, cityDesk, "EXPIRED");
        assertThat(expired.get("allowedActions").size()).isZero();
        assertThat(eventTypesOf(id, 3)).containsExactly("referral.submitted.v1", "referral.escalated.v1",
                "referral.expired.v1");
        JsonNode history = json(get("/referrals/" + id + "/history", centreDoctor)).get("entries");
        assertThat(history.get(history.size() - 1).get("role").asString()).isEqualTo("SYSTEM");
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("EXPIRE");
    }

    @Test
    void anEmergencyIsEscalatedAfterTenMinutes() {
        String id = submitted(centreDoctor, upReferral(idNumber(102), NANHUI_CENTRE, CITY_HOSPITAL, "EMERGENCY"));
        clock.advance(Duration.ofMinutes(10));
        assertThat(event(id, "referral.escalated.v1").get("urgency").asString()).isEqualTo("EMERGENCY");
        assertThat(referral(id, cityDesk).get("state").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void anAcceptedPatientWhoDoesNotArriveIsANoShowTwoHoursAfterTheAppointment() {
        String id = submitted(centreDoctor, upReferral(idNumber(103), NANHUI_CENTRE, CITY_HOSPITAL, "URGENT"));
        String appointment = clock.instant().plus(Duration.ofHours(1)).toString();
        EntityExchangeResult<String> accepted = act(id, "accept", cityDesk, "\"1\"", Map.of("appointmentAt", appointment));
        assertThat(accepted.getStatus().value()).as(accepted.getResponseBody()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        assertThat(referral(id, cityDesk).get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(json(get("/referrals/" + id + "/actions", cityDesk)).get("allowedActions").toString())
                .contains("RECORD_NO_SHOW");

        clock.advance(Duration.ofHours(1));
        awaitState(id, cityDesk, "NO_SHOW");
        assertThat(event(id, "referral.no-show.v1").get("appointmentAt").asString()).isEqualTo(appointment);
    }

    @Test
    void kpisCountTheAlliancesReferralsBothWaysAndTheReservedSlotsUsed() {
        String accepted = submitted(shijingDoctor, upReferral(idNumber(110), SHIJING_CENTRE, COUNTY_HOSPITAL, "URGENT"));
        submitted(shijingDoctor, upReferral(idNumber(111), SHIJING_CENTRE, COUNTY_HOSPITAL, "ROUTINE"));
        Map<String, Object> down = upReferral(idNumber(112), COUNTY_HOSPITAL, SHIJING_CENTRE, "ROUTINE");
        down.put("direction", "DOWN");
        down.put("diagnosis", Map.of("code", "E11.9", "name", "2型糖尿病"));
        down.put("toDepartment", "全科");
        down.put("continuityPlan", Map.of("followUps", java.util.List.of(Map.of("afterDays", 30, "purpose", "复查血糖"))));
        submitted(countyDoctor, down);

        slotHeld(accepted, "hold-110", COUNTY_HOSPITAL);
        awaitState(accepted, countyDesk, "SLOT_HELD");
        clock.advance(Duration.ofMinutes(90));
        assertThat(act(accepted, "accept", countyDesk, "\"2\"", Map.of("appointmentAt",
                clock.instant().plus(Duration.ofDays(1)).toString())).getStatus().value()).isEqualTo(200);
        publish("quota.events.v1", accepted, "quota.slot-confirmed.v1", Map.of("referralId", accepted,
                "holdId", "hold-110", "poolId", "pool-county"));
        publish("quota.events.v1", "pool-county", "quota.reserve-released.v1", Map.of("poolId", "pool-county",
                "institutionId", COUNTY_HOSPITAL, "units", 1));

        String period = "from=" + today().minusDays(1) + "&to=" + today().plusDays(1);
        JsonNode kpis = await().atMost(Duration.ofSeconds(30)).until(
                () -> json(get("/kpis?" + period + "&allianceId=" + NAN_AN_COMMUNITY, auditor)),
                report -> report.get("reservedSlots").get("confirmed").asLong() == 1
                        && report.get("reservedSlots").get("releasedUnused").asLong() == 1);

        assertThat(kpis.get("upCount").asLong()).isEqualTo(2);
        assertThat(kpis.get("downCount").asLong()).isEqualTo(1);
        assertThat(kpis.get("twoWayReferral").get("acceptedUp").asLong()).isEqualTo(1);
        assertThat(kpis.get("twoWayReferral").get("acceptedDown").asLong()).as("submitted, not accepted").isZero();
        assertThat(kpis.get("twoWayReferral").get("downToUpRatio").asDouble()).isZero();
        assertThat(kpis.get("accepted").asLong()).isEqualTo(1);
        assertThat(kpis.get("acceptanceRate").asDouble()).isEqualTo(1.0);
        assertThat(kpis.get("medianSecondsToAccept").asLong()).isEqualTo(Duration.ofMinutes(90).toSeconds());
        assertThat(kpis.get("reservedSlots").get("held").asLong()).isEqualTo(1);
        assertThat(kpis.get("reservedSlotUtilization").asDouble()).isEqualTo(0.5);
        assertThat(kpis.get("topOutOfCountyDiagnoses")).as("石井 and 南安市医院 are both in 350583").isEmpty();
        assertThat(kpis.get("overrideRate").asDouble()).isZero();

        JsonNode own = json(get("/kpis?" + period, countyDesk));
        assertThat(own.get("scope").get("institutionId").asString()).isEqualTo(COUNTY_HOSPITAL);
        assertThat(own.get("upCount").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(get("/kpis?" + period + "&allianceId=" + NAN_AN_COMMUNITY, countyDesk).getStatus().value())
                .as("staff read their own institution only").isEqualTo(403);
        assertThat(get("/kpis?" + period + "&allianceId=no-such-alliance", auditor).getStatus().value())
                .isEqualTo(404);
        assertThat(get("/kpis?from=2026-02-01&to=2026-01-01", auditor).getStatus().value()).isEqualTo(400);
        assertThat(get("/kpis?from=yesterday&to=2026-01-01", auditor).getStatus().value()).isEqualTo(400);

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        String metrics = ManagementPort.client(managementPort)
                .get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(metrics).contains("referral_transitions_total{").contains("state=\"ACCEPTED\"")
                .contains("referral_time_to_accept_seconds");
    }
}

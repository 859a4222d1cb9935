package cn.referral.referral.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.referral.domain.referral.CancelReason;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralFixtures;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.ReferralRuleViolation;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.SourceEpisode;
import cn.referral.referral.domain.referral.TreatmentOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire form of every referral event follows docs/event-contracts.md and carries no name or id number. */
class ReferralEventMessagesTest {

    private static final Set<String> COMMON = Set.of("referralId", "direction", "careType", "urgency",
            "fromInstitutionId", "toInstitutionId", "toDepartment", "patientRef", "contracted", "occurredAt",
            "referralVersion");

    private final JsonMapper json = JsonMapper.builder().build();
    private final ReferralEventMessages messages = new ReferralEventMessages(
            new EventFactory(json, Clock.fixed(ReferralFixtures.NOW, ZoneOffset.UTC), () -> "event-1"));

    private List<OutboxEvent> outbox(Outcome<Referral> outcome) {
        return messages.toOutbox(outcome.state(), outcome.events()).block(Duration.ofSeconds(5));
    }

    private JsonNode only(Outcome<Referral> outcome, String type) {
        List<OutboxEvent> events = outbox(outcome);
        assertThat(events).hasSize(1);
        OutboxEvent event = events.get(0);
        assertThat(event.topic()).isEqualTo("referral.events.v1");
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.key()).isEqualTo(outcome.state().id().value());
        JsonNode body = json.readTree(event.payload());
        for (String field : COMMON) {
            assertThat(body.has(field)).as("common field " + field + " in " + type).isTrue();
        }
        assertThat(body.get("referralVersion").asLong()).isEqualTo(outcome.state().version());
        assertThat(event.payload()).doesNotContain("v1:name").doesNotContain("v1:id\"").doesNotContain("张");
        return body;
    }

    @Test
    void submittedCarriesTheDiagnosisWindowAndDeadline() {
        Outcome<Referral> submitted = Referral.submit(new ReferralId("r-1"), ReferralFixtures.anUpRequest(
                        cn.referral.referral.domain.referral.Urgency.ROUTINE), ReferralFixtures.inCatalog(), true,
                ReferralFixtures.PRIMARY_DOCTOR, ReferralFixtures.NOW,
                cn.referral.referral.domain.policy.AcceptanceDeadlines.defaults());
        JsonNode body = only(submitted, "referral.submitted.v1");
        assertThat(body.get("diagnosisCode").asString()).isEqualTo("I63.9");
        assertThat(body.get("requestedFrom").asString()).isEqualTo("2026-11-24");
        assertThat(body.get("acceptBy").asString()).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(body.get("contracted").asBoolean()).isTrue();
        assertThat(body.get("patientRef").asString()).isEqualTo("ref-0001");
    }

    @Test
    void acceptedCarriesTheSealedInsuredPersonNumberForBilling() {
        Referral held = ReferralFixtures.aHeldReferral();
        JsonNode body = only(held.accept(ReferralFixtures.NO_SHOW.appointmentAt(ReferralFixtures.NOW.plusSeconds(86400)),
                ReferralFixtures.HOSPITAL_DESK, ReferralFixtures.NOW), "referral.accepted.v1");
        assertThat(body.get("insurance").get("insuredPersonNoSealed").asString()).isEqualTo("v1:insured");
        assertThat(body.get("insurance").get("scheme").asString()).isEqualTo("RESIDENT");
        assertThat(body.get("appointmentAt").asString()).isEqualTo("2026-11-25T00:00:00Z");
        assertThat(body.has("sourceEpisode")).isTrue();
        assertThat(body.get("sourceEpisode").isNull()).isTrue();
        assertThat(body.get("eligibility").asString()).as("符合规定 is judged on it").isEqualTo("CATALOG");
    }

    @Test
    void anAcceptedInpatientTransferCarriesTheSourceStaysEndAndAnOverride() {
        ReferralRequest up = ReferralFixtures.anUpRequest(cn.referral.referral.domain.referral.Urgency.ROUTINE);
        ReferralRequest transfer = new ReferralRequest(up.direction(), CareType.INPATIENT, up.urgency(), up.patient(),
                up.diagnosis(), up.reason(), up.clinicalSummary(), up.attachments(), up.fromInstitutionId(),
                up.fromDepartment(), up.toInstitutionId(), up.toDepartment(), up.requestedWindow(),
                new SourceEpisode(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), 20_000), null, "重症");
        Eligibility override = new Eligibility(false, null, null, "重症", false, List.of("outside the catalog"));
        Referral held = Referral.submit(new ReferralId("r-2"), transfer, override, false, ReferralFixtures.PRIMARY_DOCTOR,
                        ReferralFixtures.NOW, cn.referral.referral.domain.policy.AcceptanceDeadlines.defaults())
                .state().slotHeld(ReferralFixtures.aHold(), ReferralFixtures.NOW.plusSeconds(5)).state();

        JsonNode body = only(held.accept(ReferralFixtures.NO_SHOW.appointmentAt(ReferralFixtures.NOW.plusSeconds(86400)),
                ReferralFixtures.HOSPITAL_DESK, ReferralFixtures.NOW), "referral.accepted.v1");

        assertThat(body.get("sourceEpisode").get("admissionDate").asString()).isEqualTo("2026-11-20");
        assertThat(body.get("sourceEpisode").get("dischargedOn").asString()).isEqualTo("2026-11-25");
        assertThat(body.get("sourceEpisode").get("deductiblePaidFen").asLong()).isEqualTo(20_000);
        assertThat(body.get("eligibility").asString()).isEqualTo("OVERRIDE");
    }

    @Test
    void aSourceStayCannotEndBeforeItBegan() {
        assertThatThrownBy(() -> new SourceEpisode(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 19), 0))
                .isInstanceOfSatisfying(ReferralRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("sourceEpisode.dischargedOn"));
    }

    @Test
    void everyOtherTypeHasItsFields() {
        var now = ReferralFixtures.NOW;
        assertThat(only(ReferralFixtures.aHeldReferral().reject(RejectReason.NO_CAPACITY, "满",
                ReferralFixtures.HOSPITAL_DESK, now), "referral.rejected.v1").get("reasonCode").asString())
                .isEqualTo("NO_CAPACITY");
        assertThat(only(ReferralFixtures.aHeldReferral().cancel(CancelReason.PATIENT_DECLINED,
                ReferralFixtures.PRIMARY_DOCTOR, now), "referral.cancelled.v1").get("reasonCode").asString())
                .isEqualTo("PATIENT_DECLINED");
        assertThat(only(ReferralFixtures.aSubmittedUpReferral().deadlinesPassed(now.plus(Duration.ofHours(24))),
                "referral.escalated.v1").get("deadline").asString()).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(only(ReferralFixtures.anAcceptedReferral().recordArrival(ReferralFixtures.HOSPITAL_DESK, now),
                "referral.arrived.v1").has("arrivedAt")).isTrue();
        Referral accepted = ReferralFixtures.anAcceptedReferral();
        assertThat(only(accepted.deadlinesPassed(accepted.appointment().noShowAfter()), "referral.no-show.v1")
                .get("appointmentAt").asString()).isEqualTo(accepted.appointment().at().toString());
        JsonNode completed = only(ReferralFixtures.anArrivedReferral().complete(TreatmentOutcome.IMPROVED, "好转", true,
                ReferralFixtures.HOSPITAL_DOCTOR, now), "referral.completed.v1");
        assertThat(completed.get("outcome").asString()).isEqualTo("IMPROVED");
        assertThat(completed.get("downReferralRecommended").asBoolean()).isTrue();

        Outcome<Referral> escalatedAndExpired = ReferralFixtures.aSubmittedUpReferral()
                .deadlinesPassed(now.plus(Duration.ofDays(3)));
        assertThat(outbox(escalatedAndExpired)).extracting(OutboxEvent::type)
                .containsExactly("referral.escalated.v1", "referral.expired.v1");
    }
}

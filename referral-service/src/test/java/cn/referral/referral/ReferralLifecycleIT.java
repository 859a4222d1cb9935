package cn.referral.referral;

import static cn.referral.platform.testing.Problems.expectNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import cn.referral.platform.crypto.SealContext;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.application.port.in.ReferenceDataUseCases;
import cn.referral.referral.domain.network.Practitioner;
import cn.referral.referral.support.ReferralItSupport;
import tools.jackson.databind.JsonNode;

/** The referral lifecycle through the API and over Kafka, against the agreed event contracts. */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
class ReferralLifecycleIT extends ReferralItSupport {

    @Autowired
    ReferenceDataUseCases views;

    @Test
    void anUpReferralIsSubmittedAndAnnouncedWithoutTheNameOrIdentityNumber() {
        String idNumber = idNumber(1);
        EntityExchangeResult<String> created = submit(centreDoctor, upReferral(idNumber, NANHUI_CENTRE, CITY_HOSPITAL,
                "ROUTINE"), null);

        assertThat(created.getStatus().value()).as(created.getResponseBody()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.get("id").asString();
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/referrals/" + id);
        assertThat(created.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(body.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(body.get("eligibility").get("inCatalog").asBoolean()).isTrue();
        assertThat(body.get("eligibility").get("catalogId").asString()).isEqualTo("up-tertiary");
        assertThat(body.get("eligibility").get("explanation").toString()).contains("PRIMARY → TERTIARY");
        assertThat(body.get("patientName").asString()).isEqualTo("林**");
        assertThat(body.get("patientIdNumber").asString()).isEqualTo("*".repeat(14) + idNumber.substring(14));

        ConsumerRecord<String, byte[]> record = eventsOf(id, 1).get(0);
        assertThat(header(record, "ce_type")).isEqualTo("referral.submitted.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/referral-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        String payload = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain(idNumber).doesNotContain("林秀英").doesNotContain("13800001111")
                .doesNotContain("33030200" + idNumber.substring(12, 17));
        JsonNode event = JSON.readTree(payload);
        assertThat(event.get("referralId").asString()).isEqualTo(id);
        assertThat(event.get("patientRef").asString()).isEqualTo(CRYPTO.pseudonym(idNumber));
        assertThat(event.get("direction").asString()).isEqualTo("UP");
        assertThat(event.get("toDepartment").asString()).isEqualTo("神经内科");
        assertThat(event.get("contracted").asBoolean()).isFalse();
        assertThat(event.get("diagnosisCode").asString()).isEqualTo("I63.9");
        assertThat(event.get("referralVersion").asLong()).isEqualTo(1);
        assertThat(event.get("acceptBy").asString()).isEqualTo(clock.instant().plus(Duration.ofHours(48)).toString());
    }

    @Test
    void aHeldSlotLetsTheDeskAcceptOnTheCurrentVersionOnly() {
        String idNumber = idNumber(2);
        String id = submitted(centreDoctor, upReferral(idNumber, NANHUI_CENTRE, CITY_HOSPITAL, "URGENT"));
        slotHeld(id, "hold-2", CITY_HOSPITAL);
        JsonNode held = awaitState(id, cityDesk, "SLOT_HELD");
        assertThat(held.get("slot").get("holdId").asString()).isEqualTo("hold-2");
        String appointment = clock.instant().plus(Duration.ofDays(1)).toString();

        EntityExchangeResult<String> missing = act(id, "accept", cityDesk, null, Map.of("appointmentAt", appointment));
        assertThat(missing.getStatus().value()).isEqualTo(428);
        EntityExchangeResult<String> stale = act(id, "accept", cityDesk, "\"1\"", Map.of("appointmentAt", appointment));
        assertThat(stale.getStatus().value()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(stale).get("code").asString()).isEqualTo("stale-version");
        assertThat(json(stale).get("title").asString()).isEqualTo("Version changed");
        assertThat(json(stale).get("currentVersion").asLong()).as("the version it is at now").isGreaterThan(1);

        String current = etag(id, cityDesk);
        EntityExchangeResult<String> accepted = act(id, "accept", cityDesk, current, Map.of("appointmentAt", appointment));
        assertThat(accepted.getStatus().value()).as(accepted.getResponseBody()).isEqualTo(200);
        assertThat(json(accepted).get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.getResponseHeaders().getETag()).isNotEqualTo(current);

        JsonNode event = event(id, "referral.accepted.v1");
        assertThat(event.get("appointmentAt").asString()).isEqualTo(appointment);
        String sealed = event.get("insurance").get("insuredPersonNoSealed").asString();
        assertThat(sealed).startsWith("v2:k1:");
        assertThat(CRYPTO.unseal(sealed, new SealContext("referrals", id, "patient.insuredPersonNo")))
                .as("billing opens it for this referral").isEqualTo("33030200" + idNumber.substring(12, 17));
        assertThatThrownBy(() -> CRYPTO.unseal(sealed, new SealContext("referrals", "another", "patient.insuredPersonNo")))
                .as("copied into another referral's event it does not open").isInstanceOf(IllegalArgumentException.class);
        assertThat(event.get("insurance").get("scheme").asString()).isEqualTo("RESIDENT");
        assertThat(event.toString()).doesNotContain(idNumber);

        EntityExchangeResult<String> again = act(id, "accept", cityDesk, accepted.getResponseHeaders().getETag(),
                Map.of("appointmentAt", appointment));
        assertThat(again.getStatus().value()).isEqualTo(409);
        assertThat(json(again).get("currentState").asString()).isEqualTo("ACCEPTED");
        assertThat(json(again).get("allowedActions").toString()).contains("RECORD_ARRIVAL");
    }

    @Test
    void theLocalViewOfTheRegistryStillAnswersTheWalkingSkeletonEndpoint() {
        JsonNode view = json(get("/institutions-view/" + CITY_HOSPITAL, cityDesk));
        assertThat(view.get("name").asString()).isEqualTo("温州医科大学附属第一医院");
        assertThat(view.get("level").asString()).isEqualTo("TERTIARY");
        assertThat(view.get("regionCode").asString()).isEqualTo("330302");
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(view.get("departments").toString()).contains("神经内科");
        expectNotFound(http.get().uri("/institutions-view/nowhere").headers(h -> h.setBearerAuth(cityDesk)).exchange(),
                "Institution", "nowhere");
    }

    @Test
    void theDeskRejectsWithACodedReasonAndNothingMoreCanHappen() {
        String id = submitted(centreDoctor, upReferral(idNumber(3), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        EntityExchangeResult<String> rejected = act(id, "reject", cityDesk, "\"1\"",
                Map.of("reasonCode", "NEEDS_DIFFERENT_DEPARTMENT", "note", "建议心血管内科"));
        assertThat(rejected.getStatus().value()).as(rejected.getResponseBody()).isEqualTo(200);
        assertThat(json(rejected).get("outcome").get("rejectReason").asString()).isEqualTo("NEEDS_DIFFERENT_DEPARTMENT");

        JsonNode event = event(id, "referral.rejected.v1");
        assertThat(event.get("reasonCode").asString()).isEqualTo("NEEDS_DIFFERENT_DEPARTMENT");
        assertThat(event.get("note").asString()).isEqualTo("建议心血管内科");

        EntityExchangeResult<String> cancel = act(id, "cancel", centreDoctor, "\"2\"", Map.of("reasonCode", "DUPLICATE"));
        assertThat(cancel.getStatus().value()).isEqualTo(409);
        assertThat(json(cancel).get("currentState").asString()).isEqualTo("REJECTED");
        assertThat(json(cancel).get("allowedActions").size()).isZero();

        EntityExchangeResult<String> badCode = act(id, "reject", cityDesk, "\"2\"", Map.of("reasonCode", "BORED"));
        assertThat(badCode.getStatus().value()).isEqualTo(400);
        assertThat(json(badCode).get("errors").get(0).get("field").asString()).isEqualTo("reasonCode");
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameReferralAndADifferentBodyIsRefused() {
        Map<String, Object> body = upReferral(idNumber(4), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        EntityExchangeResult<String> first = submit(centreDoctor, body, "key-4");
        EntityExchangeResult<String> second = submit(centreDoctor, body, "key-4");

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(second.getStatus().value()).isEqualTo(200);
        String id = json(first).get("id").asString();
        assertThat(json(second).get("id").asString()).isEqualTo(id);

        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put("urgency", "URGENT");
        EntityExchangeResult<String> reused = submit(centreDoctor, changed, "key-4");
        assertThat(reused.getStatus().value()).isEqualTo(422);
        assertThat(json(reused).get("type").asString()).endsWith("referral/idempotency-key-reused");
        assertThat(json(reused).get("code").asString()).isEqualTo("idempotency-key-reused");

        assertThat(eventTypesOf(id, 1)).containsExactly("referral.submitted.v1");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("patientRef")
                        .is(CRYPTO.pseudonym(idNumber(4)))), "referrals").block(Duration.ofSeconds(5))).isEqualTo(1);
    }

    @Test
    void aRedeliveredOrDuplicatedQuotaEventHasNoSecondEffect() {
        String id = submitted(centreDoctor, upReferral(idNumber(5), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        String ceId = publish("quota.events.v1", id, "quota.slot-held.v1", slotHeldPayload(id, "hold-5", CITY_HOSPITAL));
        long heldVersion = awaitState(id, cityDesk, "SLOT_HELD").get("version").asLong();

        publish("quota.events.v1", id, "quota.slot-held.v1", slotHeldPayload(id, "hold-5", CITY_HOSPITAL), ceId);
        slotHeld(id, "hold-5", CITY_HOSPITAL);
        // the next event on the same partition is handled after both duplicates
        publish("quota.events.v1", id, "quota.slot-confirmed.v1", Map.of("referralId", id, "holdId", "hold-5",
                "poolId", "pool-" + CITY_HOSPITAL));

        JsonNode confirmed = await().atMost(Duration.ofSeconds(30)).until(() -> referral(id, cityDesk),
                r -> "CONFIRMED".equals(r.get("slot").get("state").asString()));
        assertThat(confirmed.get("version").asLong()).isEqualTo(heldVersion + 1);
        List<String> actions = new ArrayList<>();
        json(get("/referrals/" + id + "/history", cityDesk)).get("entries")
                .forEach(line -> actions.add(line.get("action").asString()));
        assertThat(actions).containsExactly("SUBMIT", "SLOT_HELD", "SLOT_CONFIRMED");
    }

    @Test
    void aSlotHeldAfterACancelDoesNotResurrectTheReferral() {
        String id = submitted(centreDoctor, upReferral(idNumber(6), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        EntityExchangeResult<String> cancelled = act(id, "cancel", centreDoctor, "\"1\"",
                Map.of("reasonCode", "PATIENT_DECLINED"));
        assertThat(cancelled.getStatus().value()).as(cancelled.getResponseBody()).isEqualTo(200);
        assertThat(event(id, "referral.cancelled.v1").get("reasonCode").asString()).isEqualTo("PATIENT_DECLINED");

        slotHeld(id, "hold-6", CITY_HOSPITAL);

        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(
                () -> json(get("/referrals/" + id + "/history", centreDoctor)).get("entries"),
                entries -> entries.toString().contains("SLOT_HELD_IGNORED"));
        assertThat(history.get(history.size() - 1).get("to").asString()).isEqualTo("CANCELLED");
        assertThat(referral(id, centreDoctor).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(eventTypesOf(id, 2)).containsExactly("referral.submitted.v1", "referral.cancelled.v1");
    }

    @Test
    void aReferralIsInvisibleToInstitutionsOutsideItAndActionsDependOnTheCaller() {
        String id = submitted(centreDoctor, upReferral(idNumber(7), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));

        assertThat(get("/referrals/" + id, countyDesk).getStatus().value()).isEqualTo(404);
        assertThat(get("/referrals/" + id + "/actions", countyDesk).getStatus().value()).isEqualTo(404);
        assertThat(get("/referrals/" + id + "/history", token(Role.PRIMARY_DOCTOR, SHIJING_CENTRE)).getStatus().value())
                .isEqualTo(404);
        assertThat(act(id, "accept", countyDesk, "\"1\"", Map.of("appointmentAt",
                clock.instant().plus(Duration.ofDays(1)).toString())).getStatus().value()).isEqualTo(404);
        assertThat(get("/referrals/" + id, token(Role.INSURER, CITY_HOSPITAL)).getStatus().value()).isEqualTo(404);

        assertThat(json(get("/referrals/" + id + "/actions", cityDesk)).get("allowedActions").toString())
                .isEqualTo("[\"ACCEPT\",\"REJECT\"]");
        assertThat(json(get("/referrals/" + id + "/actions", centreDoctor)).get("allowedActions").toString())
                .isEqualTo("[\"CANCEL\"]");
        assertThat(json(get("/referrals/" + id + "/actions", cityDoctor)).get("allowedActions").size()).isZero();

        EntityExchangeResult<String> doctorAccepts = act(id, "accept", centreDoctor, "\"1\"", Map.of("appointmentAt",
                clock.instant().plus(Duration.ofDays(1)).toString()));
        assertThat(doctorAccepts.getStatus().value()).isEqualTo(403);
        assertThat(json(doctorAccepts).get("type").asString()).endsWith(":forbidden");
        assertThat(json(doctorAccepts).get("title").asString()).isEqualTo("Forbidden");
        assertThat(json(doctorAccepts).get("code").asString()).isEqualTo("not-entitled");

        EntityExchangeResult<String> foreign = submit(token(Role.PRIMARY_DOCTOR, SHIJING_CENTRE),
                upReferral(idNumber(8), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"), null);
        assertThat(foreign.getStatus().value()).isEqualTo(403);
        assertThat(json(foreign).get("code").asString()).isEqualTo("own-institution");
        assertThat(submit(cityDesk, upReferral(idNumber(8), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"), null)
                .getStatus().value()).isEqualTo(403);
    }

    @Test
    void everyReadOfPatientDataIsAuditedForAuditorsOnly() {
        String id = submitted(centreDoctor, upReferral(idNumber(9), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        EntityExchangeResult<String> read = http.get().uri("/referrals/" + id)
                .header("Authorization", "Bearer " + cityDesk).header("X-Access-Purpose", "REFERRAL_HANDLING; triage").exchange()
                .expectBody(String.class).returnResult();
        assertThat(read.getStatus().value()).isEqualTo(200);
        JsonNode detail = json(read);
        assertThat(detail.get("patient").get("name").asString()).isEqualTo("林秀英");
        assertThat(detail.get("patient").get("maskedIdNumber").asString())
                .isEqualTo("*".repeat(14) + idNumber(9).substring(14));
        assertThat(detail.get("patient").get("birthYear").asInt()).isEqualTo(1960);
        assertThat(detail.get("patient").has("birthDate")).as("the birth date is the mask's hidden middle").isFalse();
        // (the insurance region may equal the number's first 6 digits: it is shown, the mask keeps none of them)
        assertThat(read.getResponseBody()).doesNotContain(idNumber(9)).doesNotContain("1960-03-01")
                .doesNotContain("19600301");
        assertThat(read.getResponseHeaders().getETag()).isEqualTo("\"1\"");

        JsonNode trail = json(get("/audit?referralId=" + id, token(Role.AUDITOR, null)));
        assertThat(trail).hasSize(1);
        JsonNode record = trail.get(0);
        assertThat(record.get("actorId").asString()).isEqualTo("user-referral_desk@" + CITY_HOSPITAL);
        assertThat(record.get("role").asString()).isEqualTo("REFERRAL_DESK");
        assertThat(record.get("institutionId").asString()).isEqualTo(CITY_HOSPITAL);
        assertThat(record.get("purpose").asString()).isEqualTo("REFERRAL_HANDLING; triage");
        assertThat(record.get("referralId").asString()).isEqualTo(id);

        assertThat(get("/audit?referralId=" + id, cityDesk).getStatus().value()).isEqualTo(403);
        get("/referrals/" + id + "/history", cityDesk);
        assertThat(json(get("/audit?referralId=" + id, token(Role.AUDITOR, null)))).hasSize(1);

        String day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode chain = json(get("/audit/chain?day=" + day, token(Role.AUDITOR, null)));
        assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("records").asInt()).isPositive();
        assertThat(get("/audit/chain?day=" + day, cityDesk).getStatus().value()).isEqualTo(403);
    }

    @Test
    void aPurposeIsACodeFromTheListWithAShortNote() {
        String id = submitted(centreDoctor, upReferral(idNumber(10), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        for (String purpose : List.of("triage", "REFERRAL_HANDLING;" + "x".repeat(5000))) {
            EntityExchangeResult<String> read = http.get().uri("/referrals/" + id)
                    .header("Authorization", "Bearer " + cityDesk).header("X-Access-Purpose", purpose).exchange()
                    .expectBody(String.class).returnResult();
            assertThat(read.getStatus().value()).isEqualTo(400);
            assertThat(read.getResponseBody()).contains("X-Access-Purpose");
        }
        assertThat(json(get("/audit?referralId=" + id, token(Role.AUDITOR, null)))).isEmpty();
    }

    @Test
    void worklistsPutTheMostUrgentFirstThenTheOldest() {
        List<String> ids = new ArrayList<>();
        for (String urgency : List.of("ROUTINE", "EMERGENCY", "URGENT", "ROUTINE")) {
            ids.add(submitted(shijingDoctor, upReferral(idNumber(20 + ids.size()), SHIJING_CENTRE, COUNTY_HOSPITAL,
                    urgency)));
            clock.advance(Duration.ofSeconds(30));
        }

        JsonNode incoming = json(get("/worklists/incoming?size=100", countyDesk));
        assertThat(inPageOrder(incoming, ids)).containsExactly(ids.get(1), ids.get(2), ids.get(0), ids.get(3));
        assertThat(incoming.get("items").get(0).get("urgency").asString()).isEqualTo("EMERGENCY");
        assertThat(incoming.toString()).doesNotContain("林秀英");

        JsonNode routine = json(get("/worklists/incoming?urgency=ROUTINE&state=SUBMITTED&size=1&page=1", countyDesk));
        assertThat(routine.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(routine.get("items")).hasSize(1);
        assertThat(routine.get("items").get(0).get("urgency").asString()).isEqualTo("ROUTINE");

        JsonNode outgoing = json(get("/worklists/outgoing?size=100", shijingDoctor));
        assertThat(outgoing.toString()).contains(ids.get(0)).contains(ids.get(3));
        assertThat(json(get("/worklists/outgoing?size=100", centreDoctor)).toString()).doesNotContain(ids.get(0));
        assertThat(get("/worklists/incoming?size=1000", countyDesk).getStatus().value()).isEqualTo(400);
        assertThat(get("/worklists/incoming?state=LOST", countyDesk).getStatus().value()).isEqualTo(400);
    }

    /**
     * The family doctor a down-referral hands the patient over to works at the institution the patient goes to
     * ({@code HandoverToFamilyDoctorAtTarget}), also when the contract chose it: a doctor of another institution, a
     * hospital specialist or an id the registry does not know is a 422 naming the field; the centre's own family
     * doctor is taken.
     */
    @Test
    void aDownReferralHandsThePatientOverOnlyToAFamilyDoctorOfTheInstitutionTheyGoTo() {
        String idNumber = idNumber(43);
        contract(idNumber, NANHUI_CENTRE);
        Map<String, Object> down = aStrokePatientSentDownForRehabilitation(idNumber);

        for (String wrongDoctor : List.of(SHIJING_FAMILY_DOCTOR, "dr-nobody")) {
            EntityExchangeResult<String> refused = submit(cityDoctor, handingOverTo(down, wrongDoctor), null);
            assertThat(refused.getStatus().value()).as(refused.getResponseBody()).isEqualTo(422);
            JsonNode problem = json(refused);
            assertThat(problem.get("code").asString()).isEqualTo("handover-doctor-not-at-institution");
            assertThat(problem.get("type").asString())
                    .isEqualTo("urn:problem-type:referral-platform:referral/handover-doctor-not-at-institution");
            assertThat(problem.get("errors")).hasSize(1);
            assertThat(problem.get("errors").get(0).get("field").asString())
                    .isEqualTo("continuityPlan.handover.familyDoctorId");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains(wrongDoctor);
        }
        EntityExchangeResult<String> specialist = submit(cityDoctor, handingOverTo(down, CITY_NEUROLOGIST), null);
        assertThat(specialist.getStatus().value()).as(specialist.getResponseBody()).isEqualTo(422);
        assertThat(json(specialist).get("errors").get(0).get("field").asString())
                .isEqualTo("continuityPlan.handover.familyDoctorId");

        EntityExchangeResult<String> created = submit(cityDoctor, down, null);
        assertThat(created.getStatus().value()).as(created.getResponseBody()).isEqualTo(201);
        assertThat(json(created).get("toInstitutionId").asString()).isEqualTo(NANHUI_CENTRE);
        assertThat(referral(json(created).get("id").asString(), cityDoctor).get("continuityPlan").get("handover")
                .get("familyDoctorId").asString()).isEqualTo(NANHUI_FAMILY_DOCTOR);

        // a target named by the doctor is checked the same way: the Shijing centre's family doctor for Shijing
        Map<String, Object> toShijing = handingOverTo(aStrokePatientSentDownForRehabilitation(idNumber(44)),
                SHIJING_FAMILY_DOCTOR);
        toShijing.put("toInstitutionId", SHIJING_CENTRE);
        EntityExchangeResult<String> named = submit(cityDoctor, toShijing, null);
        assertThat(named.getStatus().value()).as(named.getResponseBody()).isEqualTo(201);
        EntityExchangeResult<String> elsewhere = submit(cityDoctor,
                handingOverTo(toShijing, NANHUI_FAMILY_DOCTOR), null);
        assertThat(elsewhere.getStatus().value()).as(elsewhere.getResponseBody()).isEqualTo(422);
        assertThat(json(elsewhere).get("code").asString()).isEqualTo("handover-doctor-not-at-institution");
    }

    /**
     * A family doctor the registry deactivates (they left the centre) or removes (registered in error) no longer
     * receives a handover once registry.practitioners.v1 says so; a late, older snapshot of them in service does
     * not bring them back.
     */
    @Test
    void aFamilyDoctorWhoLeftOrWasRegisteredInErrorNoLongerReceivesAHandover() {
        practitioner("dr-nanhui-leaving", NANHUI_CENTRE, "GENERAL_PRACTITIONER", true, 1);
        practitioner("dr-nanhui-in-error", NANHUI_CENTRE, "VILLAGE_DOCTOR", true, 1);
        awaitPractitionerView("dr-nanhui-leaving", 1);
        awaitPractitionerView("dr-nanhui-in-error", 1);
        String idNumber = idNumber(45);
        contract(idNumber, NANHUI_CENTRE);
        for (String doctor : List.of("dr-nanhui-leaving", "dr-nanhui-in-error")) {
            EntityExchangeResult<String> taken = submit(cityDoctor,
                    handingOverTo(aStrokePatientSentDownForRehabilitation(idNumber), doctor), null);
            assertThat(taken.getStatus().value()).as(taken.getResponseBody()).isEqualTo(201);
        }

        practitioner("dr-nanhui-leaving", NANHUI_CENTRE, "GENERAL_PRACTITIONER", false, 2);
        practitionerRemoved("dr-nanhui-in-error");
        awaitPractitionerView("dr-nanhui-leaving", 2);
        awaitPractitionerView("dr-nanhui-in-error", 0);
        assertThat(views.practitioners().keepIfNewer(new Practitioner(new PractitionerId("dr-nanhui-leaving"),
                new InstitutionId(NANHUI_CENTRE), "GENERAL_PRACTITIONER", true, 1)).block(Duration.ofSeconds(10)))
                .as("the older snapshot, in service, arriving late").isFalse();

        for (String doctor : List.of("dr-nanhui-leaving", "dr-nanhui-in-error")) {
            EntityExchangeResult<String> refused = submit(cityDoctor,
                    handingOverTo(aStrokePatientSentDownForRehabilitation(idNumber), doctor), null);
            assertThat(refused.getStatus().value()).as(refused.getResponseBody()).isEqualTo(422);
            assertThat(json(refused).get("code").asString()).isEqualTo("handover-doctor-not-at-institution");
            assertThat(json(refused).get("errors").get(0).get("field").asString())
                    .isEqualTo("continuityPlan.handover.familyDoctorId");
            assertThat(json(refused).get("errors").get(0).get("message").asString()).contains(doctor);
        }
    }

    /**
     * A family doctor the registry revises to a role that is not a family doctor's (a general practitioner who
     * becomes the centre's specialist) no longer receives a handover; revised back, they do again.
     */
    @Test
    void aFamilyDoctorRevisedToAnotherRoleNoLongerReceivesAHandover() {
        practitioner("dr-nanhui-revised", NANHUI_CENTRE, "GENERAL_PRACTITIONER", true, 1);
        awaitPractitionerView("dr-nanhui-revised", 1);
        String idNumber = idNumber(46);
        contract(idNumber, NANHUI_CENTRE);
        Map<String, Object> down = handingOverTo(aStrokePatientSentDownForRehabilitation(idNumber),
                "dr-nanhui-revised");
        EntityExchangeResult<String> taken = submit(cityDoctor, down, null);
        assertThat(taken.getStatus().value()).as(taken.getResponseBody()).isEqualTo(201);

        practitioner("dr-nanhui-revised", NANHUI_CENTRE, "SPECIALIST", true, 2);
        awaitPractitionerView("dr-nanhui-revised", 2);
        EntityExchangeResult<String> refused = submit(cityDoctor, down, null);
        assertThat(refused.getStatus().value()).as(refused.getResponseBody()).isEqualTo(422);
        assertThat(json(refused).get("code").asString()).isEqualTo("handover-doctor-not-family-doctor");
        assertThat(json(refused).get("errors").get(0).get("field").asString())
                .isEqualTo("continuityPlan.handover.familyDoctorId");

        practitioner("dr-nanhui-revised", NANHUI_CENTRE, "GENERAL_PRACTITIONER", true, 3);
        awaitPractitionerView("dr-nanhui-revised", 3);
        EntityExchangeResult<String> takenAgain = submit(cityDoctor, down, null);
        assertThat(takenAgain.getStatus().value()).as(takenAgain.getResponseBody()).isEqualTo(201);
    }

    @Test
    void badInputIsAProblemNamingTheFieldOrTheRule() {
        String valid = idNumber(99);
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        EntityExchangeResult<String> invalidId = submit(centreDoctor,
                upReferral(wrongCheckDigit, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"), null);
        assertThat(invalidId.getStatus().value()).isEqualTo(400);
        assertThat(json(invalidId).get("errors").get(0).get("field").asString()).isEqualTo("patient.idNumber");
        assertThat(invalidId.getResponseBody()).doesNotContain(wrongCheckDigit);

        // what the console shows beside its diagnosis field: not an ICD-10 code, and no target chosen yet
        Map<String, Object> notIcd10 = upReferral(idNumber(29), NANHUI_CENTRE, null, "ROUTINE");
        notIcd10.put("diagnosis", Map.of("code", "XYZ"));
        EntityExchangeResult<String> badCode = submit(centreDoctor, notIcd10, null);
        assertThat(badCode.getStatus().value()).isEqualTo(400);
        assertThat(json(badCode).get("errors").get(0).get("field").asString()).isEqualTo("diagnosis.code");
        assertThat(json(badCode).get("errors").get(0).get("message").asString())
                .isEqualTo("must be an ICD-10 code such as I63.9");

        Map<String, Object> serverOwned = upReferral(idNumber(30), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        serverOwned.put("state", "ACCEPTED");
        assertThat(json(submit(centreDoctor, serverOwned, null)).get("errors").get(0).get("field").asString())
                .isEqualTo("state");

        Map<String, Object> outside = upReferral(idNumber(31), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        outside.put("diagnosis", Map.of("code", "J45.9", "name", "哮喘"));
        EntityExchangeResult<String> refused = submit(centreDoctor, outside, null);
        assertThat(refused.getStatus().value()).isEqualTo(422);
        assertThat(json(refused).get("code").asString()).isEqualTo("outside-catalog");
        assertThat(json(refused).get("explanation").toString()).contains("J45.9");
        outside.put("overrideReason", "重度哮喘反复发作, 基层无法控制");
        EntityExchangeResult<String> overridden = submit(centreDoctor, outside, null);
        assertThat(overridden.getStatus().value()).isEqualTo(201);
        assertThat(json(overridden).get("eligibility").get("overrideReason").asString()).contains("重度哮喘");

        EntityExchangeResult<String> sideways = submit(centreDoctor, upReferral(idNumber(32), NANHUI_CENTRE,
                SHIJING_CENTRE, "ROUTINE"), null);
        assertThat(sideways.getStatus().value()).isEqualTo(422);
        assertThat(json(sideways).get("code").asString()).isEqualTo("direction-level-mismatch");
        assertThat(json(sideways).get("type").asString()).endsWith(":referral/direction-level-mismatch");
        assertThat(json(sideways).get("title").asString()).isEqualTo("Referral rule violated");
        assertThat(json(submit(centreDoctor, upReferral(idNumber(33), NANHUI_CENTRE, CLOSED_HOSPITAL, "ROUTINE"),
                null)).get("code").asString()).isEqualTo("inactive-institution");
        assertThat(json(submit(centreDoctor, upReferral(idNumber(34), NANHUI_CENTRE, "nowhere", "ROUTINE"),
                null)).get("code").asString()).isEqualTo("unknown-institution");

        Map<String, Object> noSuchDepartment = upReferral(idNumber(36), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        noSuchDepartment.put("toDepartment", "眼科");
        EntityExchangeResult<String> unknownDepartment = submit(centreDoctor, noSuchDepartment, null);
        assertThat(unknownDepartment.getStatus().value()).isEqualTo(422);
        JsonNode problem = json(unknownDepartment);
        assertThat(problem.get("type").asString())
                .isEqualTo("urn:problem-type:referral-platform:referral/unknown-department");
        assertThat(problem.get("title").asString()).isEqualTo("Referral rule violated");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("code").asString()).isEqualTo("unknown-department");
        assertThat(problem.get("detail").asString())
                .isEqualTo("toDepartment: 温州医科大学附属第一医院 has no department 眼科");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("toDepartment");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("温州医科大学附属第一医院 has no department 眼科");
        assertThat(problem.has("explanation")).isFalse();
    }

    @Test
    void aPatientWhoseOldContractIsRemovedAfterTheNewOneWasSignedStaysContractedUnderTheNewOne() {
        String idNumber = idNumber(41);
        contract("c-old-41", idNumber, CITY_HOSPITAL, 3);
        awaitContractView("c-old-41", true);
        // the patient signs with the Nanhui centre (a new contract, its own version 1), then the old one is removed
        contract("c-new-41", idNumber, NANHUI_CENTRE, 1);
        contractRemoved("c-old-41");
        awaitContractView("c-old-41", false);
        awaitContractView("c-new-41", true);

        Map<String, Object> down = aStrokePatientSentDownForRehabilitation(idNumber);
        EntityExchangeResult<String> created = submit(cityDoctor, down, null);

        assertThat(created.getStatus().value()).as(created.getResponseBody()).isEqualTo(201);
        assertThat(json(created).get("contracted").asBoolean()).isTrue();
        assertThat(json(created).get("toInstitutionId").asString()).as("the new contract's primary institution")
                .isEqualTo(NANHUI_CENTRE);
    }

    @Test
    void anInpatientTransferCarriesTheDaySourceStayEndsForBillingsSameHospitalisation() {
        Map<String, Object> transfer = upReferral(idNumber(35), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        transfer.put("careType", "INPATIENT");
        transfer.put("sourceEpisode", Map.of("admissionDate", today().minusDays(3).toString(),
                "dischargedOn", today().minusDays(4).toString(), "deductiblePaidFen", 20_000));
        EntityExchangeResult<String> beforeAdmission = submit(centreDoctor, transfer, null);
        assertThat(beforeAdmission.getStatus().value()).isEqualTo(422);
        assertThat(json(beforeAdmission).get("errors").get(0).get("field").asString())
                .isEqualTo("sourceEpisode.dischargedOn");

        transfer.put("sourceEpisode", Map.of("admissionDate", today().minusDays(3).toString(),
                "dischargedOn", today().plusDays(1).toString(), "deductiblePaidFen", 20_000));
        EntityExchangeResult<String> planned = submit(centreDoctor, transfer, null);
        assertThat(planned.getStatus().value()).as("a planned transfer day is allowed").isEqualTo(201);
        var stored = json(get("/referrals/" + json(planned).get("id").asString(), centreDoctor)).get("sourceEpisode");
        assertThat(stored.get("dischargedOn").asString()).isEqualTo(today().plusDays(1).toString());
        assertThat(stored.get("deductiblePaidFen").asLong()).isEqualTo(20_000);
    }

    @Test
    void theLoopClosesAndTheHospitalRefersTheContractedPatientBackToTheirCommunityCentre() {
        String idNumber = idNumber(40);
        contract(idNumber, NANHUI_CENTRE);
        String up = submitted(centreDoctor, upReferral(idNumber, NANHUI_CENTRE, CITY_HOSPITAL, "URGENT"));
        assertThat(event(up, "referral.submitted.v1").get("contracted").asBoolean()).isTrue();
        String appointment = clock.instant().plus(Duration.ofHours(1)).toString();
        assertThat(act(up, "accept", cityDesk, "\"1\"", Map.of("appointmentAt", appointment)).getStatus().value())
                .isEqualTo(200);
        assertThat(act(up, "arrival", cityDesk, "\"2\"", null).getStatus().value()).isEqualTo(200);
        EntityExchangeResult<String> completed = act(up, "completion", cityDoctor, "\"3\"", Map.of("outcome", "IMPROVED",
                "summary", "急性脑梗死溶栓后好转, 建议下转社区康复", "downReferralRecommended", true));
        assertThat(completed.getStatus().value()).as(completed.getResponseBody()).isEqualTo(200);
        JsonNode forReferrer = referral(up, centreDoctor);
        assertThat(forReferrer.get("outcome").get("completion").get("summary").asString()).contains("下转社区康复");
        assertThat(event(up, "referral.completed.v1").get("downReferralRecommended").asBoolean()).isTrue();
        assertThat(eventTypesOf(up, 4)).containsExactly("referral.submitted.v1", "referral.accepted.v1",
                "referral.arrived.v1", "referral.completed.v1");

        Map<String, Object> down = aStrokePatientSentDownForRehabilitation(idNumber);
        EntityExchangeResult<String> downCreated = submit(cityDoctor, down, null);
        assertThat(downCreated.getStatus().value()).as(downCreated.getResponseBody()).isEqualTo(201);
        JsonNode downReferral = json(downCreated);
        assertThat(downReferral.get("toInstitutionId").asString()).isEqualTo(NANHUI_CENTRE);
        assertThat(downReferral.get("contracted").asBoolean()).isTrue();
        assertThat(downReferral.get("eligibility").get("toContractedInstitution").asBoolean()).isTrue();
        String downId = downReferral.get("id").asString();
        assertThat(event(downId, "referral.submitted.v1").get("direction").asString()).isEqualTo("DOWN");
        assertThat(json(get("/referrals/" + downId + "/actions", centreDoctor)).get("allowedActions").toString())
                .contains("ACCEPT");

        Map<String, Object> tooLong = new LinkedHashMap<>(down);
        tooLong.put("continuityPlan", Map.of("followUps", List.of(Map.of("afterDays", 14, "purpose", "复诊")),
                "longPrescription", Map.of("medications", List.of("二甲双胍"), "days", 90)));
        EntityExchangeResult<String> refused = submit(cityDoctor, tooLong, null);
        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("field").asString())
                .isEqualTo("continuityPlan.longPrescription.days");
    }

    /**
     * History actions are stored and served by name, as when they were plain strings: a referral stored
     * before the names became an enum, with every action ever written, still reads its history.
     */
    @Test
    void historyActionsAreStoredAndServedByTheirNames() {
        String id = submitted(centreDoctor, upReferral(idNumber(42), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        Query referral = Query.query(Criteria.where("_id").is(id));
        Document stored = mongo.findOne(referral, Document.class, "referrals").block(Duration.ofSeconds(10));
        Document submitLine = stored.getList("history", Document.class).get(0);
        assertThat(submitLine.get("action")).isEqualTo("SUBMIT");

        List<String> everyActionStored = List.of("SUBMIT", "SLOT_HELD", "WAITLISTED", "SLOT_UNAVAILABLE",
                "SLOT_RELEASED", "SLOT_CONFIRMED", "SLOT_HELD_IGNORED", "WAITLISTED_IGNORED", "UNAVAILABLE_IGNORED",
                "ESCALATE", "ACCEPT", "RECORD_ARRIVAL", "COMPLETE", "DOWN_REFERRAL_SUBMITTED", "REJECT", "CANCEL",
                "EXPIRE", "NO_SHOW");
        List<Document> oldHistory = everyActionStored.stream().map(action -> new Document(submitLine)
                .append("action", action)).toList();
        mongo.updateFirst(referral, new Update().set("history", oldHistory), "referrals").block(Duration.ofSeconds(10));

        List<String> served = new ArrayList<>();
        json(get("/referrals/" + id + "/history", centreDoctor)).get("entries")
                .forEach(line -> served.add(line.get("action").asString()));
        assertThat(served).isEqualTo(everyActionStored);
    }

    /** The down-referral with its continuity plan handing the patient over to {@code familyDoctorId} instead. */
    private static Map<String, Object> handingOverTo(Map<String, Object> down, String familyDoctorId) {
        Map<String, Object> changed = new LinkedHashMap<>(down);
        changed.put("continuityPlan", Map.of("followUps", List.of(Map.of("afterDays", 14, "purpose", "神经功能评估")),
                "handover", Map.of("familyDoctorId", familyDoctorId, "note", "康复训练")));
        return changed;
    }

    /**
     * A down-referral from the city hospital's neurology to the patient's contracted centre (not named: the
     * contract decides), for rehabilitation after a stroke, with a continuity plan.
     */
    private Map<String, Object> aStrokePatientSentDownForRehabilitation(String idNumber) {
        Map<String, Object> down = upReferral(idNumber, CITY_HOSPITAL, null, "ROUTINE");
        down.put("direction", "DOWN");
        down.remove("toInstitutionId");
        down.put("fromDepartment", "神经内科");
        down.put("toDepartment", "全科");
        down.put("reason", "脑梗死恢复期, 下转社区康复");
        down.put("continuityPlan", Map.of("followUps", List.of(Map.of("afterDays", 14, "purpose", "神经功能评估")),
                "longPrescription", Map.of("medications", List.of("阿司匹林肠溶片 100mg qd"), "days", 60),
                "handover", Map.of("familyDoctorId", NANHUI_FAMILY_DOCTOR, "note", "康复训练")));
        return down;
    }
}

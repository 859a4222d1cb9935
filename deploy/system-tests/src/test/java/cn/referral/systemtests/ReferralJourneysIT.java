package cn.referral.systemtests;

import static cn.referral.systemtests.support.DemoNetwork.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;
import cn.referral.systemtests.support.Api;
import cn.referral.systemtests.support.DemoNetwork;
import cn.referral.systemtests.support.DevStackInfrastructure;
import cn.referral.systemtests.support.ReferralRequests;
import cn.referral.systemtests.support.ReferralRequests.Patient;
import cn.referral.systemtests.support.RunningPlatform;
import cn.referral.systemtests.support.SharedPlatform;
import cn.referral.systemtests.support.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Referral journeys across the whole platform ({@link SharedPlatform}), driven only through the
 * gateway with the callers' own tokens, on the same infrastructure as {@code deploy/run-local} (a
 * real KRaft broker and the MongoDB stand-in with its file) and the {@code local} profile's demo
 * network (Nan'an 医共体, Wenzhou urban groups, catalogs, pools, deductible policies). An insurer is
 * played by a plain Kafka consumer of {@code billing.decisions.v1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferralJourneysIT {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])\\d{17}[0-9X](?![0-9])");

    private DevStackInfrastructure infrastructure;
    private RunningPlatform platform;
    private TopicReader topics;

    private Api shijingDoctor;
    private Api nanhuiDoctor;
    private Api countyDesk;
    private Api countyDoctor;
    private Api wmuDesk;
    private Api wmuDoctor;
    private Api registryAdmin;
    private Api nananInsurer;

    @BeforeAll
    void startPlatform() {
        platform = SharedPlatform.platform();
        infrastructure = SharedPlatform.infrastructure();
        topics = new TopicReader(infrastructure.kafkaBootstrapServers());
        shijingDoctor = platform.as(Role.PRIMARY_DOCTOR, "na-shijing-thc");
        nanhuiDoctor = platform.as(Role.PRIMARY_DOCTOR, "wz-lucheng-nanhui-chc");
        countyDesk = platform.as(Role.REFERRAL_DESK, "na-county-hospital");
        countyDoctor = platform.as(Role.HOSPITAL_DOCTOR, "na-county-hospital");
        wmuDesk = platform.as(Role.REFERRAL_DESK, "wz-wmu-first-hospital");
        wmuDoctor = platform.as(Role.HOSPITAL_DOCTOR, "wz-wmu-first-hospital");
        registryAdmin = platform.as(Role.REGISTRY_ADMIN, "registry-office");
        nananInsurer = new Api(platform.gateway(), TestTokens.insurer("350583"));
        awaitDemoNetworkInReferralService();
    }

    @Test
    @Order(1)
    void aContractedPatientGoesUpInsideTheCountyCommunityAndComesBackDownWithoutASecondDeductible() {
        // One hospitalisation moving between beds: the township centre's stay ends the day the county hospital
        // admits, the county hospital's the day the centre takes the patient back (同一次住院, seeds 000/002/003).
        Patient patient = nanAnPatient("19580214");
        String idNumber = patient.idNumber();
        registryAdmin.post("/api/registry/contracts", """
                {"identityNumber":"%s","primaryInstitutionId":"na-shijing-thc","familyDoctorId":"na-shijing-gp-1",
                 "validFrom":"%s","validUntil":"%s"}""".formatted(idNumber, today().minusDays(30), today().plusDays(365)))
                .expect(201);

        // 1. The township doctor refers the patient up to the county hospital for inpatient care.
        String submission = cardiologyUpToTheCounty(patient, today().plusDays(1), today().plusDays(7),
                """
                ,"sourceEpisode":{"admissionDate":"%s","dischargedOn":"%s","deductiblePaidFen":20000}"""
                        .formatted(today().minusDays(1), today().plusDays(1)));
        String key = UUID.randomUUID().toString();
        JsonNode created = shijingDoctor.postWithKey("/api/referrals", submission, key).expect(201);
        String up = created.get("id").asString();
        assertThat(shijingDoctor.postWithKey("/api/referrals", submission, key).expect(200).get("id").asString())
                .as("the same Idempotency-Key and body give the same referral").isEqualTo(up);
        assertThat(created.toString()).doesNotContain(idNumber);

        // 2. quota-service holds a reserved bed; the referral shows it.
        awaitState(shijingDoctor, up, "SLOT_HELD");

        // 3. The county hospital's desk accepts with the version it saw.
        accept(countyDesk, up, today().plusDays(1));
        awaitHoldState(countyDesk, up, "CONFIRMED");

        // 4. The insurer's settlement system receives the decision: no second deductible inside the 医共体.
        JsonNode decision = awaitDecision(up, "billing.deductible-decision-issued.v1");
        assertThat(decision.get("rule").asString()).isEqualTo("NO_SECOND_DEDUCTIBLE");
        assertThat(decision.get("payableFen").asLong()).isZero();
        assertThat(decision.get("policyRegionCode").asString()).as("Nan'an's own seed 002").isEqualTo("350583");
        assertThat(decision.get("eligibility").asString()).as("I21.0 is in the UP catalog").isEqualTo("CATALOG");
        assertThat(decision.get("sameAlliance").asBoolean()).isTrue();
        assertThat(decision.get("allianceId").asString()).isEqualTo("na-county-community");
        assertThat(decision.get("insuredPersonNo").asString()).isEqualTo(patient.insuredPersonNo());
        JsonNode decisions = nananInsurer.get("/api/billing/decisions?referralId=" + up).expect(200);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("decisionId").asString()).isEqualTo(decision.get("decisionId").asString());

        // 5. Arrival, treatment, and a recommendation to go back down.
        countyDesk.post("/api/referrals/" + up + "/arrival", "{}", etag(countyDesk, up)).expect(200);
        countyDoctor.post("/api/referrals/" + up + "/completion", """
                {"outcome":"IMPROVED","summary":"PCI 术后病情稳定，建议转回基层康复随访","downReferralRecommended":true}""",
                etag(countyDoctor, up)).expect(200);
        awaitState(shijingDoctor, up, "COMPLETED");

        // 6. Down again, to the patient's contracted centre (no target named), with a continuity plan.
        String downSubmission = """
                {"direction":"DOWN","careType":"INPATIENT","urgency":"ROUTINE",
                 "patient":%s,
                 "diagnosis":{"code":"I69.3","name":"脑梗死后遗症"},
                 "reason":"急性期治疗结束，转回基层康复","clinicalSummary":"病情稳定",
                 "fromInstitutionId":"na-county-hospital","fromDepartment":"心血管内科",
                 "requestedFrom":"%s","requestedUntil":"%s",
                 "sourceEpisode":{"admissionDate":"%s","dischargedOn":"%s","deductiblePaidFen":20000},
                 "continuityPlan":{"followUps":[{"afterDays":7,"purpose":"复查血压和心电图"}],
                   "longPrescription":{"medications":["阿司匹林肠溶片 100mg qd","阿托伐他汀钙片 20mg qn"],"days":60},
                   "handover":{"familyDoctorId":"na-shijing-gp-1","note":"签约家庭医生接续管理"}}}"""
                .formatted(patient.json(), today().plusDays(2), today().plusDays(9), today(), today().plusDays(2));
        JsonNode down = countyDoctor.post("/api/referrals", downSubmission).expect(201);
        String downId = down.get("id").asString();
        assertThat(down.get("toInstitutionId").asString()).isEqualTo("na-shijing-thc");

        // quota-service answers that no pool matches (the referral names no department at the centre).
        awaitSlotState(shijingDoctor, downId, "UNAVAILABLE");

        // 7. The township centre's doctor takes the patient back in the same hospitalisation: inside the 医共体
        //    no second deductible (seed 002). Nan'an carries no primary-care waiver: that is Jilin's seed 001.
        accept(shijingDoctor, downId, today().plusDays(2));
        JsonNode back = awaitDecision(downId, "billing.deductible-decision-issued.v1");
        assertThat(back.get("rule").asString()).isEqualTo("NO_SECOND_DEDUCTIBLE");
        assertThat(back.get("payableFen").asLong()).isZero();
        assertThat(back.get("direction").asString()).isEqualTo("DOWN");
        assertThat(back.get("sourceDischargedOn").asString()).isEqualTo(today().plusDays(2).toString());

        // 8. Another Nan'an patient, sent down from a hospital outside the 医共体 (and any alliance with the
        //    centre): no sentence of Nan'an's or Fujian's gives relief, so the centre's deductible is due in full.
        Patient outsider = nanAnPatient("19610717");
        String fromOutside = wmuDoctor.post("/api/referrals", """
                {"direction":"DOWN","careType":"INPATIENT","urgency":"ROUTINE","patient":%s,
                 "diagnosis":{"code":"I69.3","name":"脑梗死后遗症"},"reason":"急性期治疗结束，转回户籍地基层康复",
                 "fromInstitutionId":"wz-wmu-first-hospital","fromDepartment":"神经内科","toInstitutionId":"na-shijing-thc",
                 "requestedFrom":"%s","requestedUntil":"%s",
                 "sourceEpisode":{"admissionDate":"%s","dischargedOn":"%s","deductiblePaidFen":50000},
                 "continuityPlan":{"followUps":[{"afterDays":14,"purpose":"复查"}]}}"""
                .formatted(outsider.json(), today().plusDays(2),
                        today().plusDays(9), today().minusDays(6), today().plusDays(2)))
                .expect(201).get("id").asString();
        awaitSlotState(shijingDoctor, fromOutside, "UNAVAILABLE");
        accept(shijingDoctor, fromOutside, today().plusDays(2));
        JsonNode full = awaitDecision(fromOutside, "billing.deductible-decision-issued.v1");
        assertThat(full.get("rule").asString()).isEqualTo("FULL");
        assertThat(full.get("sameAlliance").asBoolean()).isFalse();
        assertThat(full.get("standardDeductibleFen").asLong()).isEqualTo(full.get("payableFen").asLong());
        assertThat(full.get("payableFen").asLong()).isPositive();

        // Nothing readable of the patient's identity travelled on any topic.
        assertThat(topics.readAll("referral.events.v1", "quota.events.v1", "billing.decisions.v1",
                "registry.contracts.v1"))
                .allSatisfy(record -> assertThat(identityNumbersIn(record.value())).isEmpty());
    }

    @Test
    @Order(2)
    void aRejectionHandsTheReservedSlotToTheNextReferralOnTheWaitlist() {
        LocalDate day = today().plusDays(20);
        wmuDesk.post("/api/quota/pools", """
                {"institutionId":"wz-wmu-first-hospital","department":"康复医学科","resource":"EXAMINATION",
                 "date":"%s","session":"MORNING","capacity":5,"reserved":1}""".formatted(day)).expect(201);
        String first = submitExamination(day);
        awaitState(nanhuiDoctor, first, "SLOT_HELD");
        String second = submitExamination(day);
        awaitState(nanhuiDoctor, second, "WAITLISTED");

        wmuDesk.post("/api/referrals/" + first + "/reject", """
                {"reasonCode":"NEEDS_DIFFERENT_DEPARTMENT","note":"请转神经内科"}""", etag(wmuDesk, first)).expect(200);

        awaitState(nanhuiDoctor, second, "SLOT_HELD");
        assertThat(wmuDesk.get("/api/quota/holds?referralId=" + first).expect(200).get(0).get("state").asString())
                .isEqualTo("RELEASED");
    }

    @Test
    @Order(3)
    void anUrgentReferralNobodyAcceptsExpiresAndItsSlotIsReleased() {
        String urgent = shijingDoctor.post("/api/referrals", ReferralRequests.anUpReferral(nanAnPatient("19700101"),
                "URGENT", "na-shijing-thc", "na-county-hospital", "神经内科", "OUTPATIENT", "I63.9", today().plusDays(1),
                today().plusDays(3), "")).expect(201).get("id").asString();
        awaitState(shijingDoctor, urgent, "SLOT_HELD");

        // The test platform runs URGENT with a short deadline (SharedPlatform) instead of 4 h.
        await().atMost(Duration.ofSeconds(2L * SharedPlatform.URGENT_ACCEPT_SECONDS + 10))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(shijingDoctor.get("/api/referrals/" + urgent).expect(200).get("state").asString())
                        .isEqualTo("EXPIRED"));
        List<String> types = topics.readAll("referral.events.v1").stream()
                .filter(record -> urgent.equals(record.key())).map(TopicReader.Record::type).toList();
        assertThat(types).containsSubsequence("referral.submitted.v1", "referral.escalated.v1", "referral.expired.v1");
        awaitHoldState(countyDesk, urgent, "RELEASED");
        assertThat(nananInsurer.get("/api/billing/decisions?referralId=" + urgent).expect(200)).isEmpty();
    }

    @Test
    @Order(4)
    void billingRestartedMidFlowLosesNothing() {
        String referral = shijingDoctor.post("/api/referrals", cardiologyUpToTheCounty(nanAnPatient("19620909"),
                today().plusDays(1), today().plusDays(7), """
                ,"sourceEpisode":{"admissionDate":"%s","dischargedOn":"%s","deductiblePaidFen":20000}"""
                        .formatted(today(), today().plusDays(1))))
                .expect(201).get("id").asString();
        awaitState(shijingDoctor, referral, "SLOT_HELD");

        platform.stop("billing-service");
        accept(countyDesk, referral, today().plusDays(1));
        platform.startAgain("billing-service");

        JsonNode decision = awaitDecision(referral, "billing.deductible-decision-issued.v1");
        assertThat(decision.get("rule").asString()).isEqualTo("NO_SECOND_DEDUCTIBLE");
        assertThat(decisionsFor(referral, "billing.deductible-decision-issued.v1")).hasSize(1);
    }

    @Test
    @Order(5)
    void aBrokerRestartLosesNoEventAndDuplicatesNoEffect() {
        String referral = shijingDoctor.post("/api/referrals", cardiologyUpToTheCounty(nanAnPatient("19800505"),
                today().plusDays(1), today().plusDays(7), "")).expect(201).get("id").asString();
        infrastructure.restartKafka();

        awaitState(shijingDoctor, referral, "SLOT_HELD");
        accept(countyDesk, referral, today().plusDays(1));
        awaitDecision(referral, "billing.deductible-decision-issued.v1");

        JsonNode holds = countyDesk.get("/api/quota/holds?referralId=" + referral).expect(200);
        assertThat(holds).hasSize(1);
        assertThat(holds.get(0).get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(decisionsFor(referral, "billing.deductible-decision-issued.v1")).hasSize(1);
        JsonNode history = shijingDoctor.get("/api/referrals/" + referral + "/history").expect(200).get("entries");
        assertThat(history.findValuesAsString("action")).as("each step recorded once")
                .containsOnlyOnce("SUBMIT", "SLOT_HELD", "ACCEPT", "SLOT_CONFIRMED");
    }

    /**
     * kill -9 of quota-service and referral-service while referrals are in flight (submissions being
     * held, answers on their way back), then both restarted: every referral comes out of SUBMITTED,
     * no step happens twice, at most one hold per referral, and no dead-letter topic got anything.
     */
    @Test
    @Order(6)
    void quotaAndReferralKilledMidFlowLoseNothingAndDuplicateNothing() {
        List<String> referrals = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            referrals.add(shijingDoctor.post("/api/referrals", cardiologyUpToTheCounty(nanAnPatient("19550303"),
                    today().plusDays(2), today().plusDays(9), "")).expect(201).get("id").asString());
        }
        platform.kill("quota-service");
        platform.kill("referral-service");
        platform.startAgain(List.of("quota-service", "referral-service"));

        for (String referral : referrals) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(shijingDoctor.get("/api/referrals/" + referral).expect(200).get("state").asString())
                            .as("state of referral " + referral).isIn("SLOT_HELD", "WAITLISTED"));
            JsonNode holds = countyDesk.get("/api/quota/holds?referralId=" + referral).expect(200);
            assertThat(holds.size()).as("holds of " + referral).isLessThanOrEqualTo(1);
            JsonNode history = shijingDoctor.get("/api/referrals/" + referral + "/history").expect(200)
                    .get("entries");
            assertThat(history.findValuesAsString("action")).as("each step of " + referral + " recorded once")
                    .containsOnlyOnce("SUBMIT").doesNotHaveDuplicates();
        }
        List<String> deadLetterTopics = topics.topicsEndingWith(".dlq");
        assertThat(deadLetterTopics).as("every consumer binding has its dead-letter topic")
                .contains("referral.events.v1.quota-service.dlq", "quota.events.v1.referral-service.dlq");
        assertThat(topics.readAll(deadLetterTopics.toArray(String[]::new))).as("dead-lettered records").isEmpty();
    }

    // ---- steps ----------------------------------------------------------------------------------------

    private String submitExamination(LocalDate day) {
        return nanhuiDoctor.post("/api/referrals", ReferralRequests.anUpReferral(
                ReferralRequests.aPatientOf("330302", "19750620", "330300"), "wz-lucheng-nanhui-chc",
                "wz-wmu-first-hospital", "康复医学科", "EXAMINATION", "R91", day, day, "")).expect(201).get("id").asString();
    }

    private void accept(Api desk, String referralId, LocalDate day) {
        desk.post("/api/referrals/" + referralId + "/accept",
                ReferralRequests.anAcceptance(DemoNetwork.morningOf(day)), etag(desk, referralId))
                .expect(200);
        awaitState(desk, referralId, "ACCEPTED");
    }

    private static String etag(Api caller, String referralId) {
        return caller.etag("/api/referrals/" + referralId);
    }

    private static void awaitState(Api caller, String referralId, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(caller.get("/api/referrals/" + referralId).expect(200).get("state").asString())
                        .as("state of referral " + referralId).isEqualTo(state));
    }

    /** The state of the slot quota-service answered for the referral, as the referral shows it. */
    private static void awaitSlotState(Api caller, String referralId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(caller.get("/api/referrals/"
                + referralId).expect(200).get("slot").get("state").asString()).isEqualTo(state));
    }

    /** The state of the referral's (first) hold, as quota-service shows it to the target's desk. */
    private static void awaitHoldState(Api desk, String referralId, String state) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                desk.get("/api/quota/holds?referralId=" + referralId).expect(200).get(0).get("state").asString())
                .isEqualTo(state));
    }

    private JsonNode awaitDecision(String referralId, String type) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> !decisionsFor(referralId, type).isEmpty());
        return decisionsFor(referralId, type).get(0);
    }

    private List<JsonNode> decisionsFor(String referralId, String type) {
        return topics.readAll("billing.decisions.v1").stream()
                .filter(record -> referralId.equals(record.key()) && type.equals(record.type()))
                .map(record -> Api.JSON.readTree(record.value()))
                .toList();
    }

    /** The demo network has reached referral-service's views when it accepts a referral between demo ids. */
    private void awaitDemoNetworkInReferralService() {
        Api referralDirect = new Api(platform.service("referral-service"),
                TestTokens.token(Role.AUDITOR, "audit-office"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                referralDirect.get("/institutions-view/na-county-hospital").status() == 200
                        && referralDirect.get("/institutions-view/wz-lucheng-nanhui-chc").status() == 200);
    }


    /** A new patient insured in Nan'an, born on {@code birthDate} (yyyyMMdd). */
    private static Patient nanAnPatient(String birthDate) {
        return ReferralRequests.aPatientOf("350583", birthDate, "350583");
    }

    /** 石井's doctor refers the patient up to 南安市医院 心血管内科 for inpatient care (I21.0, in the UP catalog). */
    private static String cardiologyUpToTheCounty(Patient patient, LocalDate fromDay, LocalDate untilDay,
                                                  String extraFields) {
        return ReferralRequests.anUpReferral(patient, "na-shijing-thc", "na-county-hospital", "心血管内科", "INPATIENT",
                "I21.0", fromDay, untilDay, extraFields);
    }

    private static List<String> identityNumbersIn(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher matcher = ID_NUMBER.matcher(text);
        return matcher.results().map(result -> result.group()).filter(IdentityNumbers::isValid).toList();
    }
}

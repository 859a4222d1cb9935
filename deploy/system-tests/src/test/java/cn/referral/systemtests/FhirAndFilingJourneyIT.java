package cn.referral.systemtests;

import static cn.referral.systemtests.support.DemoNetwork.COUNTY_HOSPITAL;
import static cn.referral.systemtests.support.DemoNetwork.NANAN_REGION;
import static cn.referral.systemtests.support.DemoNetwork.SHIJING_CENTRE;
import static cn.referral.systemtests.support.DemoNetwork.morningOf;
import static cn.referral.systemtests.support.DemoNetwork.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;
import cn.referral.systemtests.support.Api;
import cn.referral.systemtests.support.DemoNetwork;
import cn.referral.systemtests.support.ReferralRequests;
import cn.referral.systemtests.support.ReferralRequests.Patient;
import cn.referral.systemtests.support.RunningPlatform;
import cn.referral.systemtests.support.SharedPlatform;
import cn.referral.systemtests.support.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * A hospital's HIS and an insurer's settlement system following a referral in their own formats,
 * through the gateway on the shared platform: the FHIR ServiceRequest and Task of a Nan'an
 * up-referral at every step of its journey, and the 转院备案 (2501) the insurer receives on
 * {@code billing.decisions.v1} and reads over HTTP, then its revocation (2502) on a cancel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirAndFilingJourneyIT {

    private RunningPlatform platform;
    private TopicReader topics;
    private Api shijingDoctor;
    private Api countyDesk;
    private Api countyDoctor;
    private Api nananInsurer;

    @BeforeAll
    void startPlatform() {
        platform = SharedPlatform.platform();
        topics = new TopicReader(SharedPlatform.infrastructure().kafkaBootstrapServers());
        DemoNetwork.awaitInReferralService(platform);
        shijingDoctor = platform.as(Role.PRIMARY_DOCTOR, SHIJING_CENTRE);
        countyDesk = platform.as(Role.REFERRAL_DESK, COUNTY_HOSPITAL);
        countyDoctor = platform.as(Role.HOSPITAL_DOCTOR, COUNTY_HOSPITAL);
        nananInsurer = new Api(platform.gateway(), TestTokens.insurer(NANAN_REGION));
    }

    @Test
    void theHisFollowsTheServiceRequestAndTaskAndTheInsurerReceivesThe2501() {
        Patient patient = ReferralRequests.aPatientOf(NANAN_REGION, "19610305", NANAN_REGION);
        String id = submitCardiologyUpToTheCounty(patient);

        // submitted, then quota's answer: a request, waiting for the county hospital
        assertStep(id, "active", "requested");
        awaitQuotasAnswer(id);
        JsonNode worklist = fhir(countyDesk, "/api/fhir/Task?owner=Organization/" + COUNTY_HOSPITAL
                + "&status=requested&_count=100");
        assertThat(worklist.toString()).as("on the desk's worklist").contains(id);
        String next = "";
        for (JsonNode link : worklist.get("link")) {
            if (link.get("relation").asString().equals("self")) {
                next = link.get("url").asString();
            }
        }
        assertThat(next).as("links address the gateway's /api/fhir").contains("/api/fhir/Task?");

        // accepted: the Task is accepted, an Appointment booked
        accept(id);
        JsonNode accepted = assertStep(id, "active", "accepted");
        assertThat(accepted.get("businessStatus").get("text").asString()).isEqualTo("ACCEPTED");
        assertThat(fhir(countyDesk, "/api/fhir/Appointment/" + id).get("status").asString()).isEqualTo("booked");

        // the insurer's system receives the 2501 beside the deductible decision, and can read it back
        JsonNode filing = awaitOnTopic(id, "billing.transfer-filing-registered.v1");
        JsonNode decision = awaitOnTopic(id, "billing.deductible-decision-issued.v1");
        assertThat(filing.get("infno").asString()).isEqualTo("2501");
        assertThat(filing.get("decisionId").asString()).isEqualTo(decision.get("decisionId").asString());
        assertThat(filing.get("psn_no").asString()).isEqualTo(patient.insuredPersonNo());
        assertThat(filing.get("fixmedins_code").asString()).as("the registry's sample 定点医药机构编号")
                .matches("H350583\\d{5}");
        assertThat(filing.get("reflin_medins_no").asString()).matches("H350583\\d{5}");
        assertThat(filing.get("reflin_medins_name").asString()).isEqualTo("南安市医院");
        assertThat(filing.get("diag_code").asString()).isEqualTo("I21.0");
        assertThat(filing.get("begndate").asString()).isEqualTo(decision.get("validFrom").asString());
        assertThat(filing.toString()).doesNotContain(patient.idNumber()).doesNotContain(patient.name());
        JsonNode read = nananInsurer.get("/api/billing/transfer-filings?referralId=" + id).expect(200);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("filingId").asString()).isEqualTo(filing.get("filingId").asString());
        assertThat(read.get(0).get("status").asString()).isEqualTo("REGISTERED");

        // arrival, then the outcome closes the loop
        countyDesk.post("/api/referrals/" + id + "/arrival", "{}", etag(countyDesk, id)).expect(200);
        assertStep(id, "active", "in-progress");
        countyDoctor.post("/api/referrals/" + id + "/completion", """
                {"outcome":"IMPROVED","summary":"PCI 术后病情稳定","downReferralRecommended":true}""",
                etag(countyDoctor, id)).expect(200);
        JsonNode completed = assertStep(id, "completed", "completed");
        assertThat(completed.get("output").toString()).contains("IMPROVED");
    }

    @Test
    void aCancelledReferralsFilingIsRevokedWith2502() {
        Patient patient = ReferralRequests.aPatientOf(NANAN_REGION, "19650711", NANAN_REGION);
        String id = submitCardiologyUpToTheCounty(patient);
        awaitQuotasAnswer(id);
        accept(id);
        JsonNode filing = awaitOnTopic(id, "billing.transfer-filing-registered.v1");

        shijingDoctor.post("/api/referrals/" + id + "/cancel", "{\"reasonCode\":\"PATIENT_DECLINED\"}",
                etag(shijingDoctor, id)).expect(200);
        assertStep(id, "revoked", "cancelled");
        JsonNode revocation = awaitOnTopic(id, "billing.transfer-filing-revoked.v1");
        assertThat(revocation.get("infno").asString()).isEqualTo("2502");
        assertThat(revocation.get("filingId").asString()).isEqualTo(filing.get("filingId").asString());
        assertThat(revocation.get("reason").asString()).isEqualTo("REFERRAL_CANCELLED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(nananInsurer
                .get("/api/billing/transfer-filings?referralId=" + id).expect(200).get(0).get("status").asString())
                .isEqualTo("REVOKED"));
    }

    // ---- steps

    /** 石井's doctor refers the patient up to 南安市医院 心血管内科 for inpatient care (I21.0); the referral's id. */
    private String submitCardiologyUpToTheCounty(Patient patient) {
        return shijingDoctor.post("/api/referrals", ReferralRequests.anUpReferral(patient, SHIJING_CENTRE,
                COUNTY_HOSPITAL, "心血管内科", "INPATIENT", "I21.0", today().plusDays(3), today().plusDays(10), ""))
                .expect(201).get("id").asString();
    }

    /** quota-service's answer reached the Task: a slot held or a place on the waitlist. */
    private void awaitQuotasAnswer(String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> List.of("SLOT_HELD",
                "WAITLISTED").contains(task(id).get("businessStatus").get("text").asString()));
    }

    /** The ServiceRequest and Task as the referring centre's HIS reads them; returns the Task. */
    private JsonNode assertStep(String id, String requestStatus, String taskStatus) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(task(id).get("status").asString()).isEqualTo(taskStatus);
            assertThat(fhir(shijingDoctor, "/api/fhir/ServiceRequest/" + id).get("status").asString())
                    .isEqualTo(requestStatus);
        });
        JsonNode request = fhir(countyDesk, "/api/fhir/ServiceRequest/" + id);
        assertThat(request.get("intent").asString()).isEqualTo("order");
        assertThat(request.get("requester").get("reference").asString()).isEqualTo("Organization/" + SHIJING_CENTRE);
        assertThat(request.get("performer").get(0).get("reference").asString())
                .isEqualTo("Organization/" + COUNTY_HOSPITAL);
        assertThat(request.get("reasonCode").get(0).get("coding").get(0).get("code").asString()).isEqualTo("I21.0");
        return task(id);
    }

    private JsonNode task(String id) {
        JsonNode task = fhir(shijingDoctor, "/api/fhir/Task/" + id);
        assertThat(task.get("focus").get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        assertThat(task.get("owner").get("reference").asString()).isEqualTo("Organization/" + COUNTY_HOSPITAL);
        return task;
    }

    private static JsonNode fhir(Api caller, String path) {
        Api.Response response = caller.get(path);
        assertThat(response.header("Content-Type")).as(path).startsWith("application/fhir+json");
        return response.expect(200);
    }

    private void accept(String id) {
        countyDesk.post("/api/referrals/" + id + "/accept", ReferralRequests.anAcceptance(morningOf(today().plusDays(3))),
                etag(countyDesk, id)).expect(200);
    }

    private static String etag(Api caller, String id) {
        return caller.etag("/api/referrals/" + id);
    }

    private JsonNode awaitOnTopic(String referralId, String type) {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> topics
                        .readAll("billing.decisions.v1").stream()
                        .filter(record -> referralId.equals(record.key()) && type.equals(record.type()))
                        .map(record -> Api.JSON.readTree(record.value())).findFirst().orElse(null),
                found -> found != null);
    }

}

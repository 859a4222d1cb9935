package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.support.FhirValidation;
import cn.referral.referral.support.ReferralItSupport;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR R4 view of real referrals driven through the JSON API: every resource it produces is
 * validated with HAPI's validator against the R4 base specification (0 errors), and reads follow
 * the JSON API's access rules and audit.
 */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
class FhirViewIT extends ReferralItSupport {

    private static final FhirValidation VALIDATION = new FhirValidation();


    @Test
    void aReferralIsAServiceRequestAndATaskAtEveryStepOfItsLife() {
        String idNumber = idNumber(801);
        String id = submitted(centreDoctor, upReferral(idNumber, NANHUI_CENTRE, CITY_HOSPITAL, "URGENT"));

        JsonNode request = fhir("/fhir/ServiceRequest/" + id, centreDoctor);
        assertThat(request.get("resourceType").asString()).isEqualTo("ServiceRequest");
        assertThat(request.get("status").asString()).isEqualTo("active");
        assertThat(request.get("intent").asString()).isEqualTo("order");
        assertThat(request.get("priority").asString()).isEqualTo("urgent");
        assertThat(request.get("subject").get("reference").asString()).isEqualTo("Patient/" + CRYPTO.pseudonym(idNumber));
        assertThat(request.get("requester").get("reference").asString()).isEqualTo("Organization/" + NANHUI_CENTRE);
        assertThat(request.get("performer").get(0).get("reference").asString()).isEqualTo("Organization/" + CITY_HOSPITAL);
        JsonNode icd = request.get("reasonCode").get(0).get("coding").get(0);
        assertThat(icd.get("system").asString()).isEqualTo("http://hl7.org/fhir/sid/icd-10");
        assertThat(icd.get("code").asString()).isEqualTo("I63.9");
        assertThat(request.get("occurrencePeriod").get("start").asString()).isEqualTo(today().toString());
        assertThat(request.get("occurrencePeriod").get("end").asString()).isEqualTo(today().plusDays(14).toString());
        assertTask(id, cityDesk, "requested", "SUBMITTED");
        assertThat(status("/fhir/Appointment/" + id, cityDesk)).as("no slot yet").isEqualTo(404);

        slotHeld(id, "hold-801", CITY_HOSPITAL);
        awaitState(id, cityDesk, "SLOT_HELD");
        assertTask(id, cityDesk, "requested", "SLOT_HELD");
        JsonNode proposed = fhir("/fhir/Appointment/" + id, cityDesk);
        assertThat(proposed.get("status").asString()).isEqualTo("proposed");
        assertThat(proposed.get("requestedPeriod").get(0).get("start").asString()).isEqualTo("2030-01-01");

        String appointmentAt = clock.instant().plus(Duration.ofDays(1)).toString();
        assertThat(act(id, "accept", cityDesk, etag(id, cityDesk), Map.of("appointmentAt", appointmentAt))
                .getStatus().value()).isEqualTo(200);
        JsonNode accepted = assertTask(id, cityDesk, "accepted", "ACCEPTED");
        assertThat(accepted.get("output").get(0).get("valueReference").get("reference").asString())
                .isEqualTo("Appointment/" + id);
        JsonNode booked = fhir("/fhir/Appointment/" + id, centreDoctor);
        assertThat(booked.get("status").asString()).isEqualTo("booked");
        assertThat(java.time.OffsetDateTime.parse(booked.get("start").asString()).toInstant())
                .isEqualTo(java.time.Instant.parse(appointmentAt));

        assertThat(act(id, "arrival", cityDesk, etag(id, cityDesk), null).getStatus().value()).isEqualTo(200);
        assertTask(id, cityDesk, "in-progress", "ARRIVED");
        assertThat(fhir("/fhir/Appointment/" + id, cityDesk).get("status").asString()).isEqualTo("arrived");

        assertThat(act(id, "completion", cityDoctor, etag(id, cityDoctor), Map.of("outcome", "IMPROVED",
                "summary", "溶栓后好转, 建议社区康复", "downReferralRecommended", true)).getStatus().value()).isEqualTo(200);
        JsonNode completed = assertTask(id, centreDoctor, "completed", "COMPLETED");
        assertThat(completed.get("output").toString()).contains("IMPROVED").contains("溶栓后好转");
        assertThat(fhir("/fhir/ServiceRequest/" + id, centreDoctor).get("status").asString()).isEqualTo("completed");
        assertThat(fhir("/fhir/Appointment/" + id, cityDesk).get("status").asString()).isEqualTo("fulfilled");
    }

    @Test
    void sideExitsAreRejectedCancelledOrFailedTasksAndRevokedRequests() {
        String rejected = submitted(centreDoctor, upReferral(idNumber(802), NANHUI_CENTRE, CITY_HOSPITAL, "EMERGENCY"));
        assertThat(fhir("/fhir/ServiceRequest/" + rejected, cityDesk).get("priority").asString()).isEqualTo("stat");
        act(rejected, "reject", cityDesk, "\"1\"", Map.of("reasonCode", "NO_CAPACITY", "note", "床位已满"));
        JsonNode rejectedTask = assertTask(rejected, cityDesk, "rejected", "REJECTED");
        assertThat(rejectedTask.get("statusReason").get("coding").get(0).get("code").asString()).isEqualTo("NO_CAPACITY");
        assertThat(fhir("/fhir/ServiceRequest/" + rejected, cityDesk).get("status").asString()).isEqualTo("revoked");

        String cancelled = submitted(centreDoctor, upReferral(idNumber(803), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        act(cancelled, "cancel", centreDoctor, "\"1\"", Map.of("reasonCode", "TREATED_LOCALLY"));
        assertTask(cancelled, centreDoctor, "cancelled", "CANCELLED");
        assertThat(fhir("/fhir/ServiceRequest/" + cancelled, centreDoctor).get("status").asString()).isEqualTo("revoked");
    }

    @Test
    void thePatientIsAPseudonymAndFourCharactersNeverANameOrBirthDate() {
        String idNumber = idNumber(804);
        String id = submitted(centreDoctor, upReferral(idNumber, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        String ref = CRYPTO.pseudonym(idNumber);

        EntityExchangeResult<String> read = get("/fhir/Patient/" + ref, cityDesk);
        assertThat(read.getStatus().value()).isEqualTo(200);
        String body = read.getResponseBody();
        assertThat(VALIDATION.errors(body)).isEmpty();
        assertThat(body).doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 6))
                .doesNotContain(idNumber.substring(6, 14)).doesNotContain("1960").doesNotContain("林")
                .doesNotContain("13800001111").doesNotContain("birthDate").doesNotContain("name");
        JsonNode patient = JSON.readTree(body);
        assertThat(patient.get("id").asString()).isEqualTo(ref);
        assertThat(patient.get("identifier").get(1).get("value").asString())
                .isEqualTo("**************" + idNumber.substring(14));

        assertThat(status("/fhir/Patient/" + ref, countyDesk)).as("sees none of the patient's referrals").isEqualTo(404);
        JsonNode trail = JSON.readTree(get("/audit?referralId=" + id, auditor).getResponseBody());
        assertThat(trail.toString()).contains("READ_PATIENT");
    }

    @Test
    void organizationsCarryTheirLevelAndAlliance() {
        JsonNode county = fhir("/fhir/Organization/" + COUNTY_HOSPITAL, centreDoctor);
        assertThat(county.get("name").asString()).isEqualTo("南安市医院");
        assertThat(county.get("type").toString()).contains("SECONDARY");
        assertThat(county.get("partOf").get("reference").asString()).isEqualTo("Organization/" + NAN_AN_COMMUNITY);
        JsonNode alliance = fhir("/fhir/Organization/" + NAN_AN_COMMUNITY, centreDoctor);
        assertThat(alliance.get("name").asString()).isEqualTo("南安市总医院医共体");
        assertThat(fhir("/fhir/Organization/" + CITY_HOSPITAL, centreDoctor).has("partOf")).isFalse();
        assertThat(status("/fhir/Organization/nowhere", centreDoctor)).isEqualTo(404);
    }

    @Test
    void theCapabilityStatementListsExactlyWhatIsServed() {
        JsonNode metadata = fhir("/fhir/metadata", centreDoctor);
        assertThat(metadata.get("fhirVersion").asString()).isEqualTo("4.0.1");
        List<String> types = new ArrayList<>();
        metadata.get("rest").get(0).get("resource").forEach(r -> types.add(r.get("type").asString()));
        assertThat(types).containsExactly("ServiceRequest", "Task", "Patient", "Organization", "Appointment");
        for (String type : types) {
            int expected = type.equals("ServiceRequest") || type.equals("Task") ? 200 : 404;
            assertThat(status("/fhir/" + type + (expected == 200 ? "" : "/no-such-id"), centreDoctor))
                    .as(type).isEqualTo(expected);
        }
        EntityExchangeResult<String> other = get("/fhir/Observation", centreDoctor);
        assertThat(other.getStatus().value()).isEqualTo(404);
        assertThat(JSON.readTree(other.getResponseBody()).get("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void searchesPageWithNextLinksWithinWhatTheCallerMaySee() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ids.add(submitted(centreDoctor, upReferral(idNumber(810 + n), NANHUI_CENTRE, COUNTY_HOSPITAL, "ROUTINE")));
        }
        List<String> seen = new ArrayList<>();
        String next = "/fhir/ServiceRequest?performer=Organization/" + COUNTY_HOSPITAL + "&status=active&_count=2";
        for (int page = 0; next != null && page < 10; page++) {
            JsonNode bundle = fhir(next, countyDesk);
            assertThat(bundle.get("type").asString()).isEqualTo("searchset");
            assertThat(bundle.get("total").asInt()).isGreaterThanOrEqualTo(3);
            bundle.path("entry").forEach(e -> seen.add(e.get("resource").get("id").asString()));
            next = null;
            for (JsonNode link : bundle.get("link")) {
                if (link.get("relation").asString().equals("next")) {
                    next = link.get("url").asString();
                }
            }
        }
        assertThat(seen).containsAll(ids).doesNotHaveDuplicates();

        JsonNode worklist = fhir("/fhir/Task?owner=Organization/" + COUNTY_HOSPITAL + "&status=requested", countyDesk);
        assertThat(worklist.get("entry").size()).isGreaterThanOrEqualTo(3);
        JsonNode focus = fhir("/fhir/Task?focus=ServiceRequest/" + ids.get(0), countyDesk);
        assertThat(focus.get("total").asInt()).isEqualTo(1);
        assertThat(focus.get("entry").get(0).get("resource").get("focus").get("reference").asString())
                .isEqualTo("ServiceRequest/" + ids.get(0));
        JsonNode byPatient = fhir("/fhir/ServiceRequest?patient=Patient/" + CRYPTO.pseudonym(idNumber(811)), centreDoctor);
        assertThat(byPatient.get("total").asInt()).isEqualTo(1);

        JsonNode otherDesk = fhir("/fhir/Task?focus=ServiceRequest/" + ids.get(0), cityDesk);
        assertThat(otherDesk.get("total").asInt()).as("another institution's referral is not found").isZero();
        EntityExchangeResult<String> notTheirs = get("/fhir/ServiceRequest/" + ids.get(0), cityDesk);
        assertThat(notTheirs.getStatus().value()).isEqualTo(404);
        assertThat(VALIDATION.errors(notTheirs.getResponseBody())).isEmpty();
        assertThat(JSON.readTree(notTheirs.getResponseBody()).get("issue").get(0).get("code").asString())
                .isEqualTo("not-found");
    }

    @Test
    void badSearchParametersAre400OperationOutcomesNamingTheParameter() {
        for (String[] bad : new String[][] {
                {"/fhir/ServiceRequest?status=bogus", "status"},
                {"/fhir/ServiceRequest?subject=Patient/x", "subject"},
                {"/fhir/ServiceRequest?requester:missing=true", "requester:missing"},
                {"/fhir/ServiceRequest?_count=0", "_count"},
                {"/fhir/Task?owner=Organization/a%20b", "owner"},
                {"/fhir/Task?status=active", "status"}}) {
            EntityExchangeResult<String> result = get(bad[0], countyDesk);
            assertThat(result.getStatus().value()).as(bad[0]).isEqualTo(400);
            assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/fhir+json");
            assertThat(VALIDATION.errors(result.getResponseBody())).isEmpty();
            JsonNode issue = JSON.readTree(result.getResponseBody()).get("issue").get(0);
            assertThat(issue.get("code").asString()).isEqualTo("invalid");
            assertThat(issue.get("expression").get(0).asString()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(issue.get("diagnostics").asString()).startsWith(bad[1] + ":");
        }
        EntityExchangeResult<String> insurer = get("/fhir/ServiceRequest", TestTokensAccess.insurer());
        assertThat(insurer.getStatus().value()).isEqualTo(403);
        assertThat(JSON.readTree(insurer.getResponseBody()).get("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void aServiceRequestReadIsAuditedLikeAJsonRead() {
        String id = submitted(centreDoctor, upReferral(idNumber(805), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        http.get().uri("/fhir/ServiceRequest/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + cityDesk)
                .header("X-Access-Purpose", "REFERRAL_HANDLING; scheduling").exchange().expectStatus().isOk();
        http.get().uri("/fhir/Task/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + cityDesk)
                .exchange().expectStatus().isOk();
        JsonNode trail = JSON.readTree(get("/audit?referralId=" + id, auditor).getResponseBody());
        List<String> purposes = new ArrayList<>();
        trail.forEach(record -> {
            assertThat(record.get("action").asString()).isEqualTo("READ_REFERRAL");
            assertThat(record.get("institutionId").asString()).isEqualTo(CITY_HOSPITAL);
            purposes.add(record.get("purpose").asString());
        });
        assertThat(purposes).as("the declared purpose, and the desk's usual one as a code, as the JSON API records it")
                .containsExactlyInAnyOrder("REFERRAL_HANDLING; scheduling", "REFERRAL_HANDLING");
    }

    @Test
    void aPurposeThatIsNoCodeOfTheListIsRefusedNamingTheHeaderAndNothingIsRead() {
        String id = submitted(centreDoctor, upReferral(idNumber(806), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        for (String purpose : List.of("scheduling", "REFERRAL_HANDLING;" + "x".repeat(5000))) {
            EntityExchangeResult<String> refused = http.get().uri("/fhir/ServiceRequest/" + id)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + cityDesk).header("X-Access-Purpose", purpose)
                    .exchange().expectBody(String.class).returnResult();
            assertThat(refused.getStatus().value()).isEqualTo(400);
            assertThat(refused.getResponseHeaders().getContentType().toString()).startsWith("application/fhir+json");
            assertThat(VALIDATION.errors(refused.getResponseBody())).isEmpty();
            JsonNode issue = JSON.readTree(refused.getResponseBody()).get("issue").get(0);
            assertThat(issue.get("code").asString()).isEqualTo("invalid");
            assertThat(issue.get("expression").get(0).asString()).isEqualTo("X-Access-Purpose");
        }
        assertThat(JSON.readTree(get("/audit?referralId=" + id, auditor).getResponseBody()).size())
                .as("a refused read is no read").isZero();
    }

    // ---- helpers

    private JsonNode assertTask(String id, String token, String status, String businessStatus) {
        JsonNode task = fhir("/fhir/Task/" + id, token);
        assertThat(task.get("status").asString()).isEqualTo(status);
        assertThat(task.get("businessStatus").get("text").asString()).isEqualTo(businessStatus);
        assertThat(task.get("focus").get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        assertThat(task.get("owner").get("reference").asString()).startsWith("Organization/");
        fhir("/fhir/ServiceRequest/" + id, token);
        return task;
    }

    /** Reads a FHIR resource, checks the media type and validates it: 0 errors. */
    private JsonNode fhir(String path, String token) {
        EntityExchangeResult<String> result = get(path, token);
        assertThat(result.getStatus().value()).as(path + " " + result.getResponseBody()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/fhir+json");
        assertThat(VALIDATION.errors(result.getResponseBody())).as(path).isEmpty();
        return JSON.readTree(result.getResponseBody());
    }

    private int status(String path, String token) {
        return get(path, token).getStatus().value();
    }

    private static final class TestTokensAccess {
        static String insurer() {
            return cn.referral.platform.testing.TestTokens.insurer("330302");
        }
    }
}

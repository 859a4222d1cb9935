package cn.referral.quota.service;

import static cn.referral.quota.service.ReferralEventsProducer.about;
import static cn.referral.quota.service.ReferralEventsProducer.cancelled;
import static cn.referral.quota.service.ReferralEventsProducer.rejected;
import static cn.referral.quota.service.ReferralEventsProducer.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.events.Traceparent;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.ManagementPort;
import cn.referral.platform.testing.MutableClock;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import tools.jackson.databind.JsonNode;

/**
 * quota-service end to end: the desk's pools over HTTP, referral events in from Kafka, ledger
 * events out on {@code quota.events.v1}, the cutoff scheduler on a clock the test moves.
 */
@ServiceIntegrationTest
// a shared 2-core machine under load can take longer than the default 5 s for a first request
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(properties = {"quota.cutoff-check-interval=200ms", "quota.statistics-interval=200ms",
        // every trace recorded, so the trace test sees its spans (the default records a share of new traces)
        "management.tracing.sampling.probability=1.0",
        "quota.hold-expiry-interval=200ms", "quota.hold-expiry-grace=5m",
        // a Jilin-like province (seed 001) whose reserve serves contracted patients first, none of it open to others
        "quota.region-policies.220000.serves=CONTRACTED_FIRST", "quota.region-policies.220000.open-percent=0"})
class QuotaServiceIT {

    static final Instant START = Instant.parse("2026-11-24T02:00:00Z");
    static final String HOSPITAL = "wz-wmu-first-hospital";
    static final String OTHER_HOSPITAL = "na-county-hospital";
    static final LocalDate LATER = LocalDate.parse("2026-12-10");
    static final Instant ACCEPT_BY = START.plus(Duration.ofHours(48));
    static final Duration WAIT = Duration.ofSeconds(60);
    /** quota.hold-expiry-grace, as set above. */
    static final Duration GRACE = Duration.ofMinutes(5);

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {
        @Bean
        MutableClock clock() {
            return MutableClock.at(START);
        }
    }

    /** Keeps the spans the service exports (in place of an OTLP collector). */
    @TestConfiguration(proxyBeanMethods = false)
    static class SpanCollector {
        @Bean
        ExportedSpans exportedSpans() {
            return new ExportedSpans();
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ExportedSpans spans;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    MutableClock clock;
    /** Health and metrics listen on their own port (management.server.port), not on the API's. */
    @LocalManagementPort
    int managementPort;

    ReferralEventsProducer referralService;
    QuotaEventsReader quotaEvents;

    @BeforeEach
    void kafkaClients() {
        referralService = new ReferralEventsProducer(kafka.getBrokersAsString());
        quotaEvents = new QuotaEventsReader(kafka.getBrokersAsString());
    }

    @AfterEach
    void close() {
        referralService.close();
        clock.set(START);
    }

    @Test
    void aPoolReservingNineOfFiftyIsRefusedWith422CitingTheRule() {
        web.post().uri("/pools").header("Authorization", desk(HOSPITAL)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(pool(HOSPITAL, "骨科", LATER, 50, 9))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:quota/reserved-share")
                .jsonPath("$.code").isEqualTo("reserved-share")
                .jsonPath("$.title").isEqualTo("Quota rule violated")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("预留20%以上").contains("at least 10"));
    }

    @Test
    void theDeskOpensAPoolAndReadsItBackAloneOrByDay() {
        String id = openPool(HOSPITAL, "眼科", LATER, 40, 8);

        web.get().uri("/pools/{id}", id).header("Authorization", desk(HOSPITAL)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.capacity").isEqualTo(40).jsonPath("$.reserved").isEqualTo(8)
                .jsonPath("$.held").isEqualTo(0).jsonPath("$.confirmed").isEqualTo(0)
                .jsonPath("$.waitlistLength").isEqualTo(0).jsonPath("$.department").isEqualTo("眼科");
        web.get().uri("/pools?institutionId={i}&date={d}", HOSPITAL, LATER).header("Authorization", desk(HOSPITAL))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].department").isEqualTo("眼科");
        web.post().uri("/pools").header("Authorization", desk(HOSPITAL)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(pool(HOSPITAL, "眼科", LATER, 40, 8))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("duplicate-pool");
    }

    @Test
    void everyBadInputIsA400NamingTheField() {
        Map<String, Object> noCapacity = pool(HOSPITAL, "皮肤科", LATER, 40, 8);
        noCapacity.remove("capacity");
        expectBadField(noCapacity, "capacity");
        Map<String, Object> unknownResource = pool(HOSPITAL, "皮肤科", LATER, 40, 8);
        unknownResource.put("resource", "HELICOPTER");
        expectBadField(unknownResource, "resource");
        Map<String, Object> serverOwned = pool(HOSPITAL, "皮肤科", LATER, 40, 8);
        serverOwned.put("held", 3);
        expectBadField(serverOwned, "held");
        web.get().uri("/pools?institutionId={i}", HOSPITAL).header("Authorization", desk(HOSPITAL)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        web.get().uri("/holds").header("Authorization", desk(HOSPITAL)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("referralId");
    }

    @Test
    void anotherInstitutionsPoolsDoNotExistForItAndOnlyTheDeskManagesPools() {
        String id = openPool(HOSPITAL, "口腔科", LATER, 10, 2);

        web.get().uri("/pools/{id}", id).header("Authorization", desk(OTHER_HOSPITAL)).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/pools/{id}", "no-such-pool").header("Authorization", desk(HOSPITAL)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:not-found");
        web.get().uri("/pools?institutionId={i}&date={d}", HOSPITAL, LATER)
                .header("Authorization", desk(OTHER_HOSPITAL)).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/pools").header("Authorization", bearer(TestTokens.token(Role.HOSPITAL_DOCTOR, HOSPITAL)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(pool(HOSPITAL, "口腔科", LATER.plusDays(1), 10, 2))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:forbidden")
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.code").isEqualTo("desk-manages-pools");
        web.get().uri("/pools/{id}", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void doctorsOfAnyInstitutionSeeHowManyReservedUnitsAreFreeAndNothingElseOfThePools() {
        String poolId = openPool(HOSPITAL, "耳鼻喉科", LATER, 10, 2);
        referralService.send("referral.submitted.v1", "ref-ent", submittedTo("耳鼻喉科", "ref-ent", "ROUTINE", false));
        awaitEvent("ref-ent", "quota.slot-held.v1");

        web.get().uri("/reserve?institutionId={i}&date={d}", HOSPITAL, LATER)
                .header("Authorization", bearer(TestTokens.token(Role.PRIMARY_DOCTOR, "na-shijing-thc"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.department == '耳鼻喉科')].freeReserve").isEqualTo(1)
                .jsonPath("$[?(@.department == '耳鼻喉科')].resource").isEqualTo("EXPERT_CLINIC")
                .jsonPath("$[?(@.department == '耳鼻喉科')].session").isEqualTo("MORNING");
        web.get().uri("/reserve?institutionId={i}&date={d}", HOSPITAL, LATER)
                .header("Authorization", bearer(TestTokens.token(Role.HOSPITAL_DOCTOR, OTHER_HOSPITAL))).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).as("no pool ids, holds or waitlists")
                        .contains("\"freeReserve\"").doesNotContain(poolId, "ref-ent", "held", "waitlist"));
        web.get().uri("/reserve?institutionId={i}&date={d}", HOSPITAL, LATER)
                .header("Authorization", bearer(TestTokens.token(Role.INSURER, "350583"))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("reserve-readers");
        web.get().uri("/reserve?institutionId={i}", HOSPITAL)
                .header("Authorization", bearer(TestTokens.token(Role.PRIMARY_DOCTOR, "na-shijing-thc"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        web.get().uri("/reserve?institutionId={i}&date={d}", HOSPITAL, LATER).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aSubmittedReferralHoldsAReservedUnitUntilItsAcceptDeadlineAndAcceptanceConfirmsIt() {
        String poolId = openPool(HOSPITAL, "内分泌科", LATER, 10, 2);

        referralService.send("referral.submitted.v1", "ref-held", submittedTo("内分泌科", "ref-held", "ROUTINE", false));

        JsonNode held = awaitEvent("ref-held", "quota.slot-held.v1");
        assertThat(held.get("poolId").asString()).isEqualTo(poolId);
        assertThat(held.get("resource").asString()).isEqualTo("EXPERT_CLINIC");
        assertThat(held.get("date").asString()).isEqualTo(LATER.toString());
        assertThat(held.get("expiresAt").asString()).isEqualTo(ACCEPT_BY.toString());
        assertThat(held.get("greenChannel").asBoolean()).isFalse();
        assertThat(Instant.parse(held.get("occurredAt").asString())).isEqualTo(START);
        web.get().uri("/holds?referralId=ref-held").header("Authorization", desk(HOSPITAL)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].state").isEqualTo("HELD")
                .jsonPath("$[0].holdId").isEqualTo(held.get("holdId").asString());

        referralService.send("referral.accepted.v1", "ref-held", about("ref-held"));

        JsonNode confirmed = awaitEvent("ref-held", "quota.slot-confirmed.v1");
        assertThat(confirmed.get("holdId").asString()).isEqualTo(held.get("holdId").asString());
        assertThat(Instant.parse(confirmed.get("occurredAt").asString())).isEqualTo(START);
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(1).jsonPath("$.confirmed").isEqualTo(1)
                .jsonPath("$.revision").isEqualTo(confirmed.get("poolRevision").asInt());
    }

    @Test
    void aFullPoolWaitlistsInPolicyOrderAndAReleaseHandsTheUnitToTheFirstWaiting() {
        String poolId = openPool(HOSPITAL, "消化内科", LATER, 5, 1);
        referralService.send("referral.submitted.v1", "full-1", submittedTo("消化内科", "full-1", "ROUTINE", false));
        awaitEvent("full-1", "quota.slot-held.v1");

        // one after the other, so "first come" is known; the hospital's region has no setting (seed 002):
        // a contracted ROUTINE referral waits as ROUTINE, behind the one that came first
        referralService.send("referral.submitted.v1", "full-routine",
                submittedTo("消化内科", "full-routine", "ROUTINE", false));
        assertThat(awaitEvent("full-routine", "quota.waitlisted.v1").get("position").asInt()).isEqualTo(1);
        referralService.send("referral.submitted.v1", "full-contracted",
                submittedTo("消化内科", "full-contracted", "ROUTINE", true));
        assertThat(awaitEvent("full-contracted", "quota.waitlisted.v1").get("position").asInt()).isEqualTo(2);
        referralService.send("referral.submitted.v1", "full-urgent",
                submittedTo("消化内科", "full-urgent", "URGENT", false));
        assertThat(awaitEvent("full-urgent", "quota.waitlisted.v1").get("position").asInt()).isEqualTo(1);
        web.get().uri("/holds?referralId=full-routine").header("Authorization", desk(HOSPITAL)).exchange()
                .expectBody().jsonPath("$[0].state").isEqualTo("WAITLISTED")
                .jsonPath("$[0].waitlistPosition").isEqualTo(2);
        web.get().uri("/holds?referralId=full-contracted").header("Authorization", desk(HOSPITAL)).exchange()
                .expectBody().jsonPath("$[0].waitlistPosition").isEqualTo(3);

        referralService.send("referral.cancelled.v1", "full-1", cancelled("full-1"));

        assertThat(awaitEvent("full-1", "quota.slot-released.v1").get("reason").asString()).isEqualTo("CANCELLED");
        assertThat(awaitEvent("full-urgent", "quota.slot-held.v1").get("poolId").asString()).isEqualTo(poolId);

        referralService.send("referral.rejected.v1", "full-urgent", rejected("full-urgent"));

        awaitEvent("full-routine", "quota.slot-held.v1");
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(1).jsonPath("$.waitlistLength").isEqualTo(1)
                .jsonPath("$.released").isEqualTo(2);
    }

    @Test
    void anEmergencyPastAFullReserveIsHeldInTheGreenChannel() {
        String poolId = openPool(HOSPITAL, "急诊科", LATER, 5, 1);
        referralService.send("referral.submitted.v1", "green-1", submittedTo("急诊科", "green-1", "ROUTINE", false));
        awaitEvent("green-1", "quota.slot-held.v1");

        referralService.send("referral.submitted.v1", "green-2", submittedTo("急诊科", "green-2", "EMERGENCY", false));

        assertThat(awaitEvent("green-2", "quota.slot-held.v1").get("greenChannel").asBoolean()).isTrue();
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(1)
                .jsonPath("$.greenChannelHeld").isEqualTo(1);
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        WebTestClient management = ManagementPort.client(managementPort);
        await().atMost(WAIT).untilAsserted(() -> management.get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("quota_holds_total{greenChannel=\"true\"")
                        .contains("quota_green_channel_granted_total{institution=\"" + HOSPITAL + "\"")
                        .contains("quota_green_channel_holds{institution=\"" + HOSPITAL + "\"")
                        .contains("quota_reserved_utilization{institution=\"" + HOSPITAL + "\"")));
    }

    @Test
    void redeliveredAndDuplicatedSubmissionsHoldOnce() {
        String poolId = openPool(HOSPITAL, "肾内科", LATER, 10, 2);
        String json = submittedTo("肾内科", "dup-1", "ROUTINE", false);
        String ceId = referralService.send("referral.submitted.v1", "dup-1", json);
        referralService.send("referral.submitted.v1", "dup-1", json, ceId);
        referralService.send("referral.submitted.v1", "dup-1", json);

        awaitEvent("dup-1", "quota.slot-held.v1");
        referralService.send("referral.submitted.v1", "dup-marker", submittedTo("肾内科", "dup-marker", "ROUTINE", false));
        awaitEvent("dup-marker", "quota.slot-held.v1");

        assertThat(quotaEvents.typesAbout("dup-1")).containsExactly("quota.slot-held.v1");
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(2);
    }

    @Test
    void aCancellationThatArrivesBeforeTheSubmissionMeansTheReferralIsNeverHeld() {
        String poolId = openPool(HOSPITAL, "呼吸内科", LATER, 10, 2);
        referralService.send("referral.cancelled.v1", "late-1", cancelled("late-1"));
        referralService.send("referral.submitted.v1", "late-1", submittedTo("呼吸内科", "late-1", "ROUTINE", false));
        referralService.send("referral.expired.v1", "never-held", about("never-held"));

        referralService.send("referral.submitted.v1", "late-marker",
                submittedTo("呼吸内科", "late-marker", "ROUTINE", false));
        awaitEvent("late-marker", "quota.slot-held.v1");

        assertThat(quotaEvents.typesAbout("late-1")).isEmpty();
        assertThat(quotaEvents.typesAbout("never-held")).isEmpty();
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(1);
    }

    @Test
    void aReferralNoPoolMatchesIsAnsweredUnavailable() {
        referralService.send("referral.submitted.v1", "nowhere", submittedTo("不存在的科室", "nowhere", "URGENT", true));

        assertThat(awaitEvent("nowhere", "quota.unavailable.v1").get("reason").asString())
                .isEqualTo("NO_MATCHING_POOL");
    }

    @Test
    void atTheCutoffTheSchedulerReleasesTheUnheldReserveOnce() {
        LocalDate soon = LocalDate.parse("2026-11-27");
        String poolId = openPool(HOSPITAL, "老年病科", soon, 15, 3);
        referralService.send("referral.submitted.v1", "cutoff-1", submittedTo("老年病科", soon, "cutoff-1"));
        awaitEvent("cutoff-1", "quota.slot-held.v1");

        // the session starts 2026-11-27 08:00 in Shanghai (00:00 UTC): the cutoff is 24 h before
        clock.set(Instant.parse("2026-11-26T00:00:00Z"));

        JsonNode released = awaitEvent(poolId, "quota.reserve-released.v1");
        assertThat(released.get("units").asInt()).isEqualTo(2);
        assertThat(released.get("date").asString()).isEqualTo(soon.toString());
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.releasedToPublic").isEqualTo(2)
                .jsonPath("$.freeReserve").isEqualTo(0)
                .jsonPath("$.reserveReleasedAt").isEqualTo("2026-11-26T00:00:00Z");
        clock.set(Instant.parse("2026-11-26T00:05:00Z"));
        referralService.send("referral.submitted.v1", "cutoff-marker", submittedTo("老年病科", soon, "cutoff-marker"));
        JsonNode refused = awaitEvent("cutoff-marker", "quota.unavailable.v1");
        assertThat(refused.get("reason").asString()).isEqualTo("RESERVE_RELEASED");
        assertThat(refused.get("explanation").asString()).contains("2026-11-26T00:00:00Z")
                .contains("only URGENT and EMERGENCY referrals").contains("2026-11-27T00:00:00Z");
        assertThat(quotaEvents.typesAbout(poolId)).containsExactly("quota.reserve-released.v1");

        // released units nobody booked stay available to URGENT referrals until the session starts
        referralService.send("referral.submitted.v1", "cutoff-urgent", submitted("cutoff-urgent", HOSPITAL, "老年病科",
                "URGENT", false, soon, soon, ACCEPT_BY));
        assertThat(awaitEvent("cutoff-urgent", "quota.slot-held.v1").get("poolId").asString()).isEqualTo(poolId);
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(2);
    }

    @Test
    void aHoldNobodyConfirmedByItsDeadlineIsReleasedByTheLedgerAndItsUnitGoesToTheFirstWaiting() {
        String poolId = openPool(HOSPITAL, "风湿免疫科", LATER, 5, 1);
        Instant soonDeadline = START.plus(Duration.ofHours(4));
        referralService.send("referral.submitted.v1", "exp-1", submitted("exp-1", HOSPITAL, "风湿免疫科", "URGENT", false,
                LATER, LATER, soonDeadline));
        awaitEvent("exp-1", "quota.slot-held.v1");
        referralService.send("referral.submitted.v1", "exp-2", submittedTo("风湿免疫科", "exp-2", "ROUTINE", false));
        awaitEvent("exp-2", "quota.waitlisted.v1");

        // referral-service's expiry event is lost: the ledger's own clock releases the hold, once the grace an
        // acceptance on its way has is over
        clock.set(soonDeadline.plus(GRACE).plusSeconds(1));

        JsonNode released = awaitEvent("exp-1", "quota.slot-released.v1");
        assertThat(released.get("reason").asString()).isEqualTo("EXPIRED");
        assertThat(awaitEvent("exp-2", "quota.slot-held.v1").get("poolId").asString()).isEqualTo(poolId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(quotaEvents.typesAbout("exp-1"))
                .as("released once").containsExactly("quota.slot-held.v1", "quota.slot-released.v1"));
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(1).jsonPath("$.waitlistLength").isEqualTo(0)
                .jsonPath("$.released").isEqualTo(1);
    }

    @Test
    void anAcceptanceReachingTheLedgerJustAfterTheDeadlineConfirmsTheHoldWhoseUnitIsNotHandedOn() {
        String poolId = openPool(HOSPITAL, "内分泌代谢科", LATER, 5, 1);
        Instant soonDeadline = START.plus(Duration.ofHours(4));
        referralService.send("referral.submitted.v1", "edge-1", submitted("edge-1", HOSPITAL, "内分泌代谢科", "URGENT",
                false, LATER, LATER, soonDeadline));
        awaitEvent("edge-1", "quota.slot-held.v1");
        referralService.send("referral.submitted.v1", "edge-2", submittedTo("内分泌代谢科", "edge-2", "ROUTINE", false));
        awaitEvent("edge-2", "quota.waitlisted.v1");

        // the desk accepted a second before the deadline (referral-service takes it until then); its event reaches
        // the ledger 20 s after it, while the ledger's expiry runs every 200 ms
        clock.set(soonDeadline.plusSeconds(20));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(quotaEvents.typesAbout("edge-1")).as("not released within the grace")
                        .containsExactly("quota.slot-held.v1"));
        referralService.send("referral.accepted.v1", "edge-1", about("edge-1"));

        awaitEvent("edge-1", "quota.slot-confirmed.v1");
        clock.set(soonDeadline.plus(GRACE).plusSeconds(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(quotaEvents.typesAbout("edge-1")).as("confirmed: the ledger's clock no longer releases it")
                    .containsExactly("quota.slot-held.v1", "quota.slot-confirmed.v1");
            assertThat(quotaEvents.typesAbout("edge-2")).as("still waiting").containsExactly("quota.waitlisted.v1");
        });
        poolSeenByTheDeskOf(HOSPITAL, poolId).jsonPath("$.held").isEqualTo(1).jsonPath("$.confirmed").isEqualTo(1)
                .jsonPath("$.waitlistLength").isEqualTo(1);
    }

    @Test
    void whereTheRegionServesContractedPatientsFirstOthersWaitWhileTheReserveIsKeptForThem() {
        String jilinHospital = "jl-city-hospital";
        referralService.sendSnapshot("registry.institutions.v1", "registry.institution.v1", jilinHospital,
                "{\"institutionId\":\"" + jilinHospital + "\",\"regionCode\":\"220102\",\"level\":\"TERTIARY\","
                        + "\"active\":true,\"version\":1}");
        // keyed by the contract, as registry-service keys it
        referralService.sendSnapshot("registry.contracts.v1", "registry.contract.v1", "c-own",
                "{\"contractId\":\"c-own\",\"patientRef\":\"p-own\",\"primaryInstitutionId\":\"jl-community\","
                        + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\",\"active\":true,\"version\":1}");
        // the views are built from Kafka: probe a large pool until both show
        openPool(jilinHospital, "探针科", LATER, 100, 50);
        awaitPlacement(jilinHospital, "探针科", "somewhere-else", "p-stranger", false, "quota.waitlisted.v1");
        awaitPlacement(jilinHospital, "探针科", "jl-community", "p-own", true, "quota.slot-held.v1");
        String poolId = openPool(jilinHospital, "心血管内科", LATER, 20, 4);

        referralService.send("referral.submitted.v1", "jl-other", ReferralEventsProducer.submittedFrom("jl-other",
                "somewhere-else", "p-other", jilinHospital, "心血管内科", false, LATER, LATER, ACCEPT_BY));
        referralService.send("referral.submitted.v1", "jl-elsewhere", ReferralEventsProducer.submittedFrom(
                "jl-elsewhere", "jl-other-community", "p-own", jilinHospital, "心血管内科", true, LATER, LATER,
                ACCEPT_BY));
        referralService.send("referral.submitted.v1", "jl-own", ReferralEventsProducer.submittedFrom("jl-own",
                "jl-community", "p-own", jilinHospital, "心血管内科", true, LATER, LATER, ACCEPT_BY));

        assertThat(awaitEvent("jl-own", "quota.slot-held.v1").get("poolId").asString()).isEqualTo(poolId);
        assertThat(awaitEvent("jl-other", "quota.waitlisted.v1").get("poolId").asString()).isEqualTo(poolId);
        assertThat(awaitEvent("jl-elsewhere", "quota.waitlisted.v1").get("poolId").asString())
                .as("contracted, but referred by another institution than the contracted one").isEqualTo(poolId);
        poolSeenByTheDeskOf(jilinHospital, poolId).jsonPath("$.held").isEqualTo(1)
                .jsonPath("$.freeReserve").isEqualTo(3)
                .jsonPath("$.waitlistLength").isEqualTo(2);

        // the contract is removed in the registry: its tombstone, keyed by the contract, ends the patient's priority
        referralService.sendSnapshot("registry.contracts.v1", "registry.contract.v1", "c-own", null);
        awaitPlacement(jilinHospital, "探针科", "jl-community", "p-own", true, "quota.waitlisted.v1");
    }

    /** Sends probe referrals (fresh ids) until one gets {@code expected}. */
    private void awaitPlacement(String institution, String department, String from, String patientRef,
                                boolean contracted, String expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String id = "probe-" + java.util.UUID.randomUUID();
            referralService.send("referral.submitted.v1", id, ReferralEventsProducer.submittedFrom(id, from,
                    patientRef, institution, department, contracted, LATER, LATER, ACCEPT_BY));
            String answer = await().atMost(WAIT).until(() -> quotaEvents.about(id).stream().findFirst(),
                    java.util.Optional::isPresent).orElseThrow().type();
            assertThat(answer).isEqualTo(expected);
        });
    }

    @Test
    void oneTraceFollowsTheDesksRequestInOverHttpAndAReferralsEventInOverKafkaDownToMongoDb() {
        // HTTP hop: the request arrives with the traceparent the gateway forwards; quota's server span continues it
        Traceparent request = Traceparent.newRoot();
        web.post().uri("/pools").header("Authorization", desk(HOSPITAL)).header("traceparent", request.header())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(pool(HOSPITAL, "皮肤科", LATER, 10, 2))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Correlation-Id", request.traceId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.all())
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(span.getTraceId()).isEqualTo(request.traceId());
                    assertThat(span.getParentSpanId()).isEqualTo(request.parentId());
                }));

        // Kafka hop: the submission comes in the referral's trace; the consumer span and the hold it causes stay in it
        Traceparent submission = Traceparent.newRoot();
        referralService.sendInTrace("referral.submitted.v1", "ref-traced",
                submittedTo("皮肤科", "ref-traced", "ROUTINE", false), submission);
        String heldIn = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> quotaEvents.about("ref-traced").stream()
                        .filter(e -> e.type().equals("quota.slot-held.v1")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().traceparent();
        assertThat(Traceparent.parse(heldIn)).get().extracting(Traceparent::traceId).isEqualTo(submission.traceId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.all())
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(span.getTraceId()).isEqualTo(submission.traceId());
                }));
        // MongoDB hop: the hold's commands are spans of the same trace
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.all())
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
                    assertThat(span.getTraceId()).isEqualTo(submission.traceId());
                    assertThat(span.getAttributes().asMap().keySet().stream().map(Object::toString))
                            .contains("db.system");
                }));
    }

    private JsonNode awaitEvent(String key, String type) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> quotaEvents.about(key).stream().filter(e -> e.type().equals(type)).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow().payload();
    }

    /** The pool as the referral desk of {@code institution} reads it, for assertions on its body. */
    private WebTestClient.BodyContentSpec poolSeenByTheDeskOf(String institution, String poolId) {
        return web.get().uri("/pools/{id}", poolId).header("Authorization", desk(institution)).exchange()
                .expectBody();
    }

    private String openPool(String institution, String department, LocalDate date, int capacity, int reserved) {
        return web.post().uri("/pools").header("Authorization", desk(institution))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(pool(institution, department, date, capacity, reserved))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private void expectBadField(Map<String, Object> body, String field) {
        web.post().uri("/pools").header("Authorization", desk(HOSPITAL)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static String submittedTo(String department, String referralId, String urgency, boolean contracted) {
        return submitted(referralId, HOSPITAL, department, urgency, contracted, LATER.minusDays(3), LATER.plusDays(3),
                ACCEPT_BY);
    }

    private static String submittedTo(String department, LocalDate date, String referralId) {
        return submitted(referralId, HOSPITAL, department, "ROUTINE", false, date, date, ACCEPT_BY);
    }

    private static Map<String, Object> pool(String institution, String department, LocalDate date, int capacity,
                                            int reserved) {
        return new java.util.HashMap<>(Map.of("institutionId", institution, "department", department,
                "resource", "EXPERT_CLINIC", "date", date.toString(), "session", "MORNING",
                "capacity", capacity, "reserved", reserved));
    }

    private static String desk(String institution) {
        return bearer(TestTokens.token(Role.REFERRAL_DESK, institution));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

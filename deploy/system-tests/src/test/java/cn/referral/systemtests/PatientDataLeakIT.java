package cn.referral.systemtests;

import static cn.referral.systemtests.support.DemoNetwork.COUNTY_HOSPITAL;
import static cn.referral.systemtests.support.DemoNetwork.NANAN_REGION;
import static cn.referral.systemtests.support.DemoNetwork.SHIJING_CENTRE;
import static cn.referral.systemtests.support.DemoNetwork.SHIJING_FAMILY_DOCTOR;
import static cn.referral.systemtests.support.DemoNetwork.morningOf;
import static cn.referral.systemtests.support.DemoNetwork.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;
import cn.referral.systemtests.support.Api;
import cn.referral.systemtests.support.DemoNetwork;
import cn.referral.systemtests.support.PatientDataScan;
import cn.referral.systemtests.support.PatientDataScan.Finding;
import cn.referral.systemtests.support.PatientDataScan.Place;
import cn.referral.systemtests.support.ReferralRequests;
import cn.referral.systemtests.support.ReferralRequests.Patient;
import cn.referral.systemtests.support.RunningPlatform;
import cn.referral.systemtests.support.SharedPlatform;
import cn.referral.systemtests.support.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * PIPL and DESIGN §3/§5 across the running platform: a patient with a known identity number
 * (身份证号), name and phone is contracted, referred up inside the Nan'an 医共体, held a bed, accepted,
 * and given a deductible decision; then everything the platform wrote — every record on every topic,
 * every document of every database, every service log line of this run — is searched for any
 * valid identity number and for this patient's number, name and phone. None may be there in clear,
 * and nowhere may the shown mask stand beside the birth date it hides (issue 15). The logs are read
 * as run-local writes them: ECS JSON lines.
 * The insured person number (医保人员编号) is in clear only where settlement needs it: billing's
 * decisions (its database and {@code billing.decisions.v1}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientDataLeakIT {

    private RunningPlatform platform;
    private Api shijingDoctor;
    private Api countyDesk;
    private Api registryAdmin;
    private Api nananInsurer;

    @BeforeAll
    void startPlatform() {
        platform = SharedPlatform.platform();
        DemoNetwork.awaitInReferralService(platform);
        shijingDoctor = platform.as(Role.PRIMARY_DOCTOR, SHIJING_CENTRE);
        countyDesk = platform.as(Role.REFERRAL_DESK, COUNTY_HOSPITAL);
        registryAdmin = platform.as(Role.REGISTRY_ADMIN, "registry-office");
        nananInsurer = new Api(platform.gateway(), TestTokens.insurer(NANAN_REGION));
    }

    @Test
    void noIdentityNumberNameOrPhoneOfAPatientIsInClearOnAnyTopicInAnyDatabaseOrInAnyLog() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String idNumber = ReferralRequests.identityNumber(NANAN_REGION, "19720816");
        Patient patient = new Patient("司徒雅琴", idNumber, "YB" + NANAN_REGION + random.nextInt(100_000, 1_000_000),
                NANAN_REGION, "139" + random.nextInt(10_000_000, 100_000_000));
        List<String> answers = new ArrayList<>();

        // The family doctor contract: the only way the identity number enters the registry.
        answers.add(registryAdmin.post("/api/registry/contracts", """
                {"identityNumber":"%s","primaryInstitutionId":"%s","familyDoctorId":"%s",
                 "validFrom":"%s","validUntil":"%s"}""".formatted(idNumber, SHIJING_CENTRE, SHIJING_FAMILY_DOCTOR,
                today().minusDays(10), today().plusDays(355))).expect(201).toString());

        // A client mistake carrying the patient: refused, and nothing of it may end up in a log.
        String submission = ReferralRequests.anUpReferral(patient, SHIJING_CENTRE, COUNTY_HOSPITAL, "心血管内科",
                "INPATIENT", "I21.0", today().plusDays(1), today().plusDays(7), """
                ,"sourceEpisode":{"admissionDate":"%s","deductiblePaidFen":20000}""".formatted(today().minusDays(2)));
        answers.add(shijingDoctor.post("/api/referrals", submission.replace("\"urgency\":\"ROUTINE\"",
                "\"urgency\":\"ROUTINE\",\"priority\":\"HIGH\"")).expect(400).toString());

        // Submit (with an Idempotency-Key, which the service keeps), hold, read, accept, decide.
        String key = UUID.randomUUID().toString();
        JsonNode created = shijingDoctor.postWithKey("/api/referrals", submission, key).expect(201);
        answers.add(created.toString());
        String referral = created.get("id").asString();
        awaitSlot(referral, "SLOT_HELD", "HELD");
        Api.Response read = countyDesk.get("/api/referrals/" + referral);
        JsonNode detail = read.expect(200);
        answers.add(detail.toString());
        assertThat(detail.get("patient").get("name").asString()).as("the entitled desk reads the patient")
                .isEqualTo(patient.name());
        countyDesk.post("/api/referrals/" + referral + "/accept",
                ReferralRequests.anAcceptance(morningOf(today().plusDays(1))), read.header("ETag")).expect(200);
        awaitSlot(referral, "ACCEPTED", "CONFIRMED");
        JsonNode decision = awaitDecisionOnTopic(referral);
        assertThat(decision.get("insuredPersonNo").asString()).isEqualTo(patient.insuredPersonNo());
        String insurersAnswer = nananInsurer.get("/api/billing/decisions?referralId=" + referral).expect(200).toString();
        assertThat(insurersAnswer).as("the region's insurer settles: the number in full").contains(patient.insuredPersonNo());
        String desksAnswer = countyDesk.get("/api/billing/decisions?referralId=" + referral).expect(200).toString();
        assertThat(desksAnswer).as("the institution's staff see the insured person number masked")
                .doesNotContain(patient.insuredPersonNo())
                .contains(patient.insuredPersonNo().substring(patient.insuredPersonNo().length() - 4));
        answers.add(desksAnswer);

        // What the callers were answered shows the identity number masked, never in clear, never rebuildable;
        // the insured person number only to the region's insurer.
        assertThat(answers).noneMatch(answer -> answer.contains(idNumber));
        assertThat(String.join("\n", answers)).contains(IdentityNumbers.mask(idNumber));
        assertThat(PatientDataScan.rebuildableIdentityNumbers(answers.stream()
                .map(answer -> new Place("answer", "an API answer", answer)).toList(), idNumber))
                .as("answers from which the identity number can be rebuilt (mask beside the birth date)").isEmpty();
        assertThat(answers).as("the insured person number outside the insurer's answer")
                .noneMatch(answer -> answer.contains(patient.insuredPersonNo()));

        List<Place> topics = PatientDataScan.kafkaRecords(SharedPlatform.infrastructure().kafkaBootstrapServers(),
                Duration.ofSeconds(60));
        List<Place> databases = PatientDataScan.mongoDocuments(SharedPlatform.infrastructure().mongoUri());
        List<Place> logs = PatientDataScan.serviceLogs(
                Path.of(System.getProperty("services.logs", "target/service-logs")),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));

        System.out.printf("Scanned %d records on %d topics, %d documents in %d databases, %d lines of %d service logs%n",
                topics.size(), topics.stream().map(Place::source).distinct().count(), databases.size(),
                databases.stream().map(Place::source).distinct().count(), logs.size(),
                logs.stream().map(Place::source).distinct().count());

        // The scan read what this journey wrote, and would know the number (else finding nothing proves nothing).
        assertThat(PatientDataScan.identityNumbersIn("idNumber=" + idNumber + ";")).containsExactly(idNumber);
        assertThat(topics).as("the journey's events were read")
                .anyMatch(place -> place.source().equals("kafka:referral.events.v1") && place.where().contains(referral))
                .anyMatch(place -> place.source().equals("kafka:billing.decisions.v1")
                        && place.text().contains(patient.insuredPersonNo()));
        assertThat(databases).as("every service's database was read")
                .extracting(Place::source).contains("mongo:registry", "mongo:referral", "mongo:quota", "mongo:billing");
        assertThat(databases).as("the referral and the contract were read, with the number masked")
                .anyMatch(place -> place.source().equals("mongo:referral") && place.text().contains(referral)
                        && place.text().contains(IdentityNumbers.mask(idNumber)))
                .anyMatch(place -> place.source().equals("mongo:registry")
                        && place.text().contains(IdentityNumbers.mask(idNumber)));
        assertThat(logs).as("the log of every service of this run was read").extracting(Place::source)
                .anyMatch(source -> source.startsWith("log:registry-service-"))
                .anyMatch(source -> source.startsWith("log:referral-service-"))
                .anyMatch(source -> source.startsWith("log:quota-service-"))
                .anyMatch(source -> source.startsWith("log:billing-service-"))
                .anyMatch(source -> source.startsWith("log:gateway-"));

        List<Place> everything = new ArrayList<>(topics);
        everything.addAll(databases);
        everything.addAll(logs);
        assertThat(PatientDataScan.identityNumbers(everything))
                .as("valid identity numbers in clear (any patient of any test of this run), by place")
                .isEmpty();
        assertThat(PatientDataScan.occurrences(everything, Map.of("identity number", idNumber, "name",
                patient.name(), "phone", patient.phone())))
                .as("this patient's identity number, name or phone in clear, by place")
                .isEmpty();
        assertThat(PatientDataScan.rebuildableIdentityNumbers(everything, idNumber))
                .as("identity numbers rebuildable from a mask and the birth date side by side, by place")
                .isEmpty();
        List<Place> outsideSettlement = everything.stream()
                .filter(place -> !place.source().equals("kafka:billing.decisions.v1")
                        && !place.source().equals("mongo:billing"))
                .toList();
        List<Finding> insuredNumbers = PatientDataScan.occurrences(outsideSettlement,
                Map.of("insured person number", patient.insuredPersonNo()));
        assertThat(insuredNumbers)
                .as("the insured person number in clear outside billing's decisions (DESIGN §3), by place")
                .isEmpty();
    }

    /** The decision as the insurer's settlement system receives it. */
    private JsonNode awaitDecisionOnTopic(String referralId) {
        TopicReader reader = new TopicReader(SharedPlatform.infrastructure().kafkaBootstrapServers());
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> reader.readAll("billing.decisions.v1").stream()
                        .filter(record -> referralId.equals(record.key())
                                && "billing.deductible-decision-issued.v1".equals(record.type()))
                        .map(record -> Api.JSON.readTree(record.value()))
                        .findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private void awaitSlot(String referralId, String state, String slot) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode referral = shijingDoctor.get("/api/referrals/" + referralId).expect(200);
            assertThat(referral.get("state").asString() + "/" + referral.get("slot").get("state").asString())
                    .isEqualTo(state + "/" + slot);
        });
    }
}

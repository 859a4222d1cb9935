package cn.referral.billing;

import static cn.referral.platform.testing.Problems.expectNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;

import cn.referral.billing.Events.Accept;
import cn.referral.billing.Events.Published;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.ManagementPort;
import cn.referral.platform.testing.KafkaRecords;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;

/**
 * The whole service with embedded Kafka and a Mongo stand-in: registry snapshots and referral
 * events go in as the other services send them, decisions come out on {@code billing.decisions.v1},
 * and the query and settlement export agree with them.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient(timeout = "30s") // a shared build machine: the first request may take over 5 s
class DeductibleDecisionsIT extends BillingItSupport {

    private static final String NAN_AN = "350583";
    private static final String WENZHOU = "330300";
    private static final String JILIN = "220200";
    private static final String QUANZHOU = "350500";
    private static final String FUJIAN = "350000";
    private static final String ANYWHERE_CONTINUOUS = "440300";
    private static final String UNSCHEDULED = "110100";
    private static final String INSURED = "35058300000012345678";
    private static final String ADMIN = TestTokens.token(Role.REGISTRY_ADMIN, "registry");

    /** Health and metrics listen on their own port (management.server.port), not on the API's. */
    @LocalManagementPort
    private int managementPort;

    @BeforeEach
    void referenceData() {
        if (Boolean.TRUE.equals(mongo.exists(new org.springframework.data.mongodb.core.query.Query(), "policies")
                .block(WAIT))) {
            return;
        }
        int year = SettlementDay.of(java.time.Instant.now()).getYear();
        for (int y : new int[] {year, year + 1}) {
            schedule(NAN_AN, y, 80_000, 50_000, 20_000);
            schedule(WENZHOU, y, 100_000, 60_000, 30_000);
            schedule(JILIN, y, 90_000, 60_000, 20_000);
            schedule(FUJIAN, y, 120_000, 70_000, 25_000);
            schedule(ANYWHERE_CONTINUOUS, y, 100_000, 60_000, 30_000);
        }
        // each region only its own seed's sentence; Fujian's reaches Nan'an and Quanzhou through the region chain
        policy(FUJIAN, "{\"rule\":\"NO_SECOND_DEDUCTIBLE\",\"scope\":\"IN_ALLIANCE\",\"seed\":\"SEED_000\","
                + "\"allianceTypes\":[\"COUNTY_MEDICAL_COMMUNITY\",\"URBAN_MEDICAL_GROUP\",\"SPECIALTY_ALLIANCE\","
                + "\"TELEMEDICINE_NETWORK\"]}");
        policy(NAN_AN, "{\"rule\":\"NO_SECOND_DEDUCTIBLE\",\"scope\":\"IN_ALLIANCE\",\"seed\":\"SEED_002\","
                + "\"allianceTypes\":[\"COUNTY_MEDICAL_COMMUNITY\"]}");
        policy(WENZHOU, "{\"rule\":\"CONTINUOUS\",\"scope\":\"IN_ALLIANCE\",\"seed\":\"SEED_003\","
                + "\"allianceTypes\":[\"URBAN_MEDICAL_GROUP\"]}");
        policy(JILIN, "{\"rule\":\"WAIVE_PRIMARY_DEDUCTIBLE\",\"scope\":\"ANY_REFERRAL\",\"seed\":\"SEED_001\","
                + "\"overridesQualify\":true},"
                + "{\"rule\":\"CONTINUOUS\",\"scope\":\"ANY_REFERRAL\",\"seed\":\"SEED_001\"}");
        policy(ANYWHERE_CONTINUOUS, "{\"rule\":\"CONTINUOUS\",\"scope\":\"ANY_REFERRAL\"}");

        events.institution("na-shijing-thc", "PRIMARY", NAN_AN);
        events.institution("na-county-hospital", "SECONDARY", NAN_AN);
        events.institution("wz-lucheng-nanhui-chc", "PRIMARY", WENZHOU);
        events.institution("wz-wmu-first-hospital", "TERTIARY", WENZHOU);
        events.institution("jl-central-hospital", "TERTIARY", JILIN);
        events.institution("jl-community-centre", "PRIMARY", JILIN);
        events.institution("fj-provincial-hospital", "TERTIARY", "350102");
        events.alliance("na-county-community", "COUNTY_MEDICAL_COMMUNITY", NAN_AN, "na-county-hospital", "na-shijing-thc");
        events.alliance("wz-urban-group-wmu1", "URBAN_MEDICAL_GROUP", WENZHOU, "wz-wmu-first-hospital",
                "wz-lucheng-nanhui-chc");
        events.alliance("fj-cardiology-alliance", "SPECIALTY_ALLIANCE", FUJIAN, "fj-provincial-hospital",
                "na-shijing-thc");
        // each record this setup sent, by id: whatever other tests left in the views does not matter
        for (String institution : List.of("na-shijing-thc", "na-county-hospital", "wz-lucheng-nanhui-chc",
                "wz-wmu-first-hospital", "jl-central-hospital", "jl-community-centre", "fj-provincial-hospital")) {
            awaitView("institution_view", institution, true);
        }
        for (String alliance : List.of("na-county-community", "wz-urban-group-wmu1", "fj-cardiology-alliance")) {
            awaitView("alliance_view", alliance, true);
        }
    }

    @Test
    void anInAllianceInpatientUpReferralPaysNoSecondDeductible() {
        String referral = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "na-county-hospital", 20_000L);

        Published issued = awaitPublished(referral, 1).get(0);

        assertThat(issued.type()).isEqualTo("billing.deductible-decision-issued.v1");
        assertThat(issued.text("rule")).isEqualTo("NO_SECOND_DEDUCTIBLE");
        assertAmounts(issued, 50_000L, 50_000L, 0L);
        assertThat(issued.fen("alreadyPaidFen")).isEqualTo(20_000);
        assertThat(issued.body().get("sameAlliance").asBoolean()).isTrue();
        assertThat(issued.text("allianceId")).isEqualTo("na-county-community");
        assertThat(issued.text("insuredPersonNo")).as("opened for the insurer").isEqualTo(INSURED);
        assertThat(issued.text("regionCode")).isEqualTo(NAN_AN);
        assertThat(issued.text("policyBasis")).contains("对符合规定的转诊住院患者在医共体内取消医保二次起付线")
                .contains("seed 002");
        assertThat(issued.text("eligibility")).isEqualTo("CATALOG");
        assertThat(issued.text("sourceDischargedOn")).isEqualTo(Events.ADMISSION_DAY.toString());
        assertThat(issued.text("policyRegionCode")).isEqualTo(NAN_AN);
        assertThat(issued.text("scheduleRegionCode")).isEqualTo(NAN_AN);

        String decisionId = issued.text("decisionId");
        web.get().uri("/decisions?referralId={id}", referral).headers(h -> h.setBearerAuth(TestTokens.insurer(NAN_AN)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].decisionId").isEqualTo(decisionId)
                .jsonPath("$[0].rule").isEqualTo("NO_SECOND_DEDUCTIBLE")
                .jsonPath("$[0].payableFen").isEqualTo(0)
                .jsonPath("$[0].waivedFen").isEqualTo(50_000)
                .jsonPath("$[0].insuredPersonNo").isEqualTo(INSURED)
                .jsonPath("$[0].status").isEqualTo("ISSUED");
        web.get().uri("/decisions/{id}", decisionId).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.referralId").isEqualTo(referral);
        web.get().uri("/decisions/{id}", decisionId)
                .headers(h -> h.setBearerAuth(TestTokens.token(Role.REFERRAL_DESK, "na-county-hospital")))
                .exchange().expectStatus().isOk();
        expectNotFound(web.get().uri("/decisions/{id}", decisionId)
                .headers(h -> h.setBearerAuth(TestTokens.insurer(WENZHOU))).exchange(), "Decision", decisionId);
        expectNotFound(web.get().uri("/decisions/{id}", decisionId)
                .headers(h -> h.setBearerAuth(TestTokens.token(Role.REFERRAL_DESK, "wz-wmu-first-hospital")))
                .exchange(), "Decision", decisionId);
        web.get().uri("/decisions?referralId={id}", referral).headers(h -> h.setBearerAuth(TestTokens.insurer(WENZHOU)))
                .exchange().expectStatus().isOk().expectBody().json("[]");
        web.get().uri("/decisions/{id}", decisionId).exchange().expectStatus().isUnauthorized();
    }

    /** DESIGN §5: the insured person number in full only for the insurer of the region; every read audited. */
    @Test
    void onlyTheRegionsInsurerSeesTheInsuredPersonNumberAndEveryReadIsAudited() {
        String referral = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "na-county-hospital", 20_000L);
        String decisionId = awaitPublished(referral, 1).get(0).text("decisionId");
        String masked = "****" + INSURED.substring(INSURED.length() - 4);

        for (String reader : List.of(AUDITOR, TestTokens.token(Role.REFERRAL_DESK, "na-county-hospital"),
                TestTokens.token(Role.PRIMARY_DOCTOR, "na-shijing-thc"))) {
            String body = web.get().uri("/decisions/{id}", decisionId).headers(h -> h.setBearerAuth(reader))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).contains(masked).doesNotContain(INSURED);
        }
        web.get().uri("/decisions?referralId={id}", referral)
                .headers(h -> h.setBearerAuth(TestTokens.insurer(NAN_AN)))
                .header("X-Access-Purpose", "SETTLEMENT; monthly reconciliation")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].insuredPersonNo").isEqualTo(INSURED);
        String today = SettlementDay.of(java.time.Instant.now()).toString();
        String auditorsCsv = web.get().uri("/settlement/{date}.csv", today).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(auditorsCsv).contains(referral).contains(masked).doesNotContain(INSURED);
        web.get().uri("/settlement/{date}.csv", today).headers(h -> h.setBearerAuth(TestTokens.insurer(NAN_AN)))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(csv -> assertThat(csv).contains(INSURED));
        web.get().uri("/decisions/{id}", decisionId).headers(h -> h.setBearerAuth(AUDITOR))
                .header("X-Access-Purpose", "look around").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("X-Access-Purpose");

        List<Map<String, Object>> trail = auditTrail(referral);
        assertThat(trail).hasSize(4);
        assertThat(trail).extracting(record -> record.get("role"))
                .containsExactly("AUDITOR", "REFERRAL_DESK", "PRIMARY_DOCTOR", "INSURER");
        assertThat(trail).extracting(record -> record.get("insuredPersonNoInFull"))
                .containsExactly(false, false, false, true);
        assertThat(trail.get(3).get("purpose")).isEqualTo("SETTLEMENT; monthly reconciliation");
        assertThat(trail.get(0).get("purpose")).isEqualTo("AUDIT");
        web.get().uri("/audit?referralId={id}", referral)
                .headers(h -> h.setBearerAuth(TestTokens.token(Role.REFERRAL_DESK, "na-county-hospital")))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("auditors-only");
        web.get().uri("/audit/chain?day={day}", today).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.records").value(records -> assertThat((Integer) records).isGreaterThanOrEqualTo(6));
    }

    @Test
    void aRegionWithContinuousDeductiblesChargesTheDifference() {
        String referral = accepted(WENZHOU, "EMPLOYEE", "UP", "INPATIENT", "wz-lucheng-nanhui-chc",
                "wz-wmu-first-hospital", 30_000L);

        Published issued = awaitDecision(referral, "CONTINUOUS");

        assertAmounts(issued, 100_000L, 30_000L, 70_000L);
        assertThat(issued.fen("alreadyPaidFen")).isEqualTo(30_000);
        assertThat(issued.text("allianceId")).isEqualTo("wz-urban-group-wmu1");
    }

    @Test
    void anInpatientDownReferralToPrimaryCareWaivesThatStaysDeductible() {
        String referral = accepted(JILIN, "EMPLOYEE", "DOWN", "INPATIENT", "jl-central-hospital",
                "jl-community-centre", null);

        Published issued = awaitDecision(referral, "WAIVE_PRIMARY_DEDUCTIBLE");

        assertAmounts(issued, 20_000L, 20_000L, 0L);
        assertThat(issued.body().get("sameAlliance").asBoolean()).isFalse();
    }

    // ---- issue 13, items 1–4: each region its own seed; county → city → province; 同一次住院; what was paid -------

    @Test
    void aNanAnPatientSentDownFromOutsideTheCountyCommunityPaysInFullAndFromInsideNoSecondDeductible() {
        String outside = accepted(NAN_AN, "EMPLOYEE", "DOWN", "INPATIENT", "wz-wmu-first-hospital",
                "na-shijing-thc", 50_000L);
        String inside = accepted(NAN_AN, "EMPLOYEE", "DOWN", "INPATIENT", "na-county-hospital",
                "na-shijing-thc", 50_000L);

        Published full = awaitPublished(outside, 1).get(0);
        assertThat(full.text("rule")).as("seeds 000 and 002 waive nothing; Jilin's 001 is not Nan'an's").isEqualTo("FULL");
        assertAmounts(full, 20_000L, 0L, 20_000L);
        assertThat(full.body().get("sameAlliance").asBoolean()).isFalse();
        assertThat(full.text("policyRegionCode")).isNull();
        Published noSecond = awaitDecision(inside, "NO_SECOND_DEDUCTIBLE");
        assertAmounts(noSecond, 20_000L, 20_000L, 0L);
        assertThat(noSecond.text("policyRegionCode")).isEqualTo(NAN_AN);
        web.get().uri("/policies/{region}", NAN_AN).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.level").isEqualTo("COUNTY")
                .jsonPath("$.sameStayMaxGapDays").isEqualTo(1)
                .jsonPath("$.rules.length()").isEqualTo(1)
                .jsonPath("$.rules[0].rule").isEqualTo("NO_SECOND_DEDUCTIBLE")
                .jsonPath("$.rules[0].seed").isEqualTo("SEED_002")
                .jsonPath("$.rules[0].seedFile").isEqualTo("002_1c303da4a8c826e0.txt");
    }

    @Test
    void fujiansProvinceWideSentenceReachesPatientsInsuredAnywhereInTheProvince() {
        // insured at Quanzhou's city pool: no city policy or schedule, so the province's of both
        String cityPool = accepted(QUANZHOU, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "na-county-hospital", 20_000L);
        // insured in Nan'an, inside a specialty alliance: 002 covers only the 医共体, 000 any kind of 医联体
        String specialty = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "fj-provincial-hospital", 20_000L);

        Published fromProvince = awaitDecision(cityPool, "NO_SECOND_DEDUCTIBLE");
        assertAmounts(fromProvince, 70_000L, 70_000L, 0L);
        assertThat(fromProvince.text("policyRegionCode")).isEqualTo(FUJIAN);
        assertThat(fromProvince.text("scheduleRegionCode")).isEqualTo(FUJIAN);
        assertThat(fromProvince.text("policyBasis")).contains("取消医联体内转诊医保二次起付线").contains("seed 000");
        Published anyAlliance = awaitDecision(specialty, "NO_SECOND_DEDUCTIBLE");
        assertThat(anyAlliance.fen("standardDeductibleFen")).as("Nan'an's own schedule").isEqualTo(80_000);
        assertThat(anyAlliance.text("allianceId")).isEqualTo("fj-cardiology-alliance");
        assertThat(anyAlliance.text("policyRegionCode")).isEqualTo(FUJIAN);
        assertThat(anyAlliance.text("scheduleRegionCode")).isEqualTo(NAN_AN);
        web.get().uri("/policies/{region}", FUJIAN).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.level").isEqualTo("PROVINCE")
                .jsonPath("$.rules[0].allianceTypes.length()").isEqualTo(4);
        expectNotFound(web.get().uri("/policies/{region}", QUANZHOU).headers(h -> h.setBearerAuth(AUDITOR)).exchange(),
                "Policy", QUANZHOU);
        expectNotFound(web.get().uri("/schedules/{region}/EMPLOYEE/2026", QUANZHOU)
                .headers(h -> h.setBearerAuth(AUDITOR)).exchange(), "Schedule", QUANZHOU + "/EMPLOYEE/2026");
    }

    @Test
    void onlyTheSameHospitalisationAndAReferralInOrderEarnRelief() {
        Accept nanAn = new Accept(null, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc", "na-county-hospital",
                20_000L, INSURED);
        String older = newReferral();
        events.accepted(nanAn.withReferralId(older).discharged(2));
        String undated = newReferral();
        events.accepted(nanAn.withReferralId(undated).discharged(null));
        String override = newReferral();
        events.accepted(nanAn.withReferralId(override).eligibility("OVERRIDE"));
        String unstated = newReferral();
        events.accepted(nanAn.withReferralId(unstated).eligibility(null));
        String jilinOverride = newReferral();
        events.accepted(new Accept(jilinOverride, JILIN, "EMPLOYEE", "DOWN", "INPATIENT", "jl-central-hospital",
                "jl-community-centre", null, INSURED).eligibility("OVERRIDE"));

        Published olderStay = awaitDecision(older, "FULL");
        assertThat(olderStay.fen("payableFen")).isEqualTo(50_000);
        assertThat(olderStay.text("sourceDischargedOn")).isEqualTo(Events.ADMISSION_DAY.minusDays(2).toString());
        assertThat(olderStay.text("policyBasis")).contains("not 同一次住院").contains("the region allows 1");
        Published noDay = awaitDecision(undated, "FULL");
        assertThat(noDay.text("sourceDischargedOn")).isNull();
        Published outsideCatalog = awaitDecision(override, "FULL");
        assertThat(outsideCatalog.text("eligibility")).isEqualTo("OVERRIDE");
        Published notSaid = awaitDecision(unstated, "FULL");
        assertThat(notSaid.text("eligibility")).isEqualTo("UNKNOWN");
        Published waived = awaitPublished(jilinOverride, 1).get(0);
        assertThat(waived.text("rule")).as("Jilin's waiver line counts overrides").isEqualTo("WAIVE_PRIMARY_DEDUCTIBLE");
        assertThat(waived.text("eligibility")).isEqualTo("OVERRIDE");

        // a region that allows 3 days between the stays
        policy(WENZHOU, 3, "{\"rule\":\"CONTINUOUS\",\"scope\":\"IN_ALLIANCE\",\"seed\":\"SEED_003\","
                + "\"allianceTypes\":[\"URBAN_MEDICAL_GROUP\"]}");
        String threeDays = newReferral();
        events.accepted(new Accept(threeDays, WENZHOU, "EMPLOYEE", "UP", "INPATIENT", "wz-lucheng-nanhui-chc",
                "wz-wmu-first-hospital", 30_000L, INSURED).discharged(3));
        Published continued = awaitDecision(threeDays, "CONTINUOUS");
        assertThat(continued.fen("payableFen")).isEqualTo(70_000);
    }

    @Test
    void anAlreadyPaidAmountAboveTheSourceLevelsDeductibleIsNotDecidedAndNeverMakesPayableZero() {
        String forged = accepted(WENZHOU, "EMPLOYEE", "UP", "INPATIENT", "wz-lucheng-nanhui-chc",
                "wz-wmu-first-hospital", 99_999_999L);
        String exact = accepted(WENZHOU, "EMPLOYEE", "UP", "INPATIENT", "wz-lucheng-nanhui-chc",
                "wz-wmu-first-hospital", 30_000L);

        Published refused = awaitDecision(forged, "ALREADY_PAID_ABOVE_SCHEDULE");
        assertAmounts(refused, null, null, null);
        assertThat(refused.fen("alreadyPaidFen")).as("the claim, for the insurer to check").isEqualTo(99_999_999L);
        assertThat(refused.text("policyBasis"))
                .contains("sourceEpisode.deductiblePaidFen 99999999 exceeds the PRIMARY inpatient deductible 30000");
        Published counted = awaitDecision(exact, "CONTINUOUS");
        assertThat(counted.fen("payableFen")).isEqualTo(70_000);
        web.get().uri("/decisions?referralId={id}", forged).headers(h -> h.setBearerAuth(TestTokens.insurer(WENZHOU)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].rule").isEqualTo("ALREADY_PAID_ABOVE_SCHEDULE")
                .jsonPath("$[0].alreadyPaidFen").isEqualTo(99_999_999);
        ManagementPort.client(managementPort).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("billing_decisions_issued_total{region=\"" + WENZHOU
                        + "\",rule=\"ALREADY_PAID_ABOVE_SCHEDULE\""));
    }

    @Test
    void aDoctorCanCheckTheAlreadyPaidAmountAgainstTheBoundBeforeSubmitting() {
        String doctor = TestTokens.token(Role.PRIMARY_DOCTOR, "na-shijing-thc");
        String admitted = Events.ADMISSION_DAY.minusDays(5).toString();
        web.get().uri("/deductible-check?regionCode={r}&scheme=EMPLOYEE&sourceInstitutionId=na-shijing-thc"
                        + "&admissionDate={d}&deductiblePaidFen=20000", NAN_AN, admitted)
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.boundFen").isEqualTo(20_000)
                .jsonPath("$.sourceLevel").isEqualTo("PRIMARY")
                .jsonPath("$.scheduleRegionCode").isEqualTo(NAN_AN);
        web.get().uri("/deductible-check?regionCode={r}&scheme=EMPLOYEE&sourceInstitutionId=na-shijing-thc"
                        + "&admissionDate={d}&deductiblePaidFen=99999999", NAN_AN, admitted)
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("already-paid-above-schedule")
                .jsonPath("$.errors[0].field").isEqualTo("sourceEpisode.deductiblePaidFen")
                .jsonPath("$.boundFen").isEqualTo(20_000);
        web.get().uri("/deductible-check?regionCode={r}&scheme=EMPLOYEE&sourceInstitutionId=na-shijing-thc"
                        + "&admissionDate={d}&deductiblePaidFen=20000", QUANZHOU, admitted)
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.boundFen").isEqualTo(25_000)
                .jsonPath("$.scheduleRegionCode").isEqualTo(FUJIAN); // Quanzhou has none: the province's
        expectNotFound(web.get().uri("/deductible-check?regionCode={r}&scheme=EMPLOYEE&sourceInstitutionId=nowhere"
                        + "&admissionDate={d}&deductiblePaidFen=0", NAN_AN, admitted)
                .headers(h -> h.setBearerAuth(doctor)).exchange(), "Institution or schedule",
                "nowhere / " + NAN_AN + "/EMPLOYEE/" + Events.ADMISSION_DAY.minusDays(5).getYear());
        web.get().uri("/deductible-check?regionCode={r}&scheme=EMPLOYEE&sourceInstitutionId= "
                        + "&admissionDate={d}&deductiblePaidFen=0", NAN_AN, admitted)
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("sourceInstitutionId");
        web.get().uri("/deductible-check?regionCode=35&scheme=EMPLOYEE&sourceInstitutionId=na-shijing-thc"
                        + "&admissionDate={d}&deductiblePaidFen=-1", admitted)
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isBadRequest();
        web.get().uri("/deductible-check?regionCode={r}&scheme=EMPLOYEE&sourceInstitutionId=na-shijing-thc"
                        + "&admissionDate={d}&deductiblePaidFen=0", NAN_AN, admitted)
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aPolicyCitingAnotherRegionsSeedOrTheWrongLevelIsRefusedNamingTheField() {
        put422("/policies/" + NAN_AN, "{\"rules\":[{\"rule\":\"WAIVE_PRIMARY_DEDUCTIBLE\",\"scope\":\"ANY_REFERRAL\","
                + "\"seed\":\"SEED_001\"}]}", "rules[0].seed");
        put422("/policies/" + NAN_AN, "{\"rules\":[{\"rule\":\"CONTINUOUS\",\"scope\":\"ANY_REFERRAL\","
                + "\"seed\":\"SEED_002\"}]}", "rules[0].seed");
        put422("/policies/" + NAN_AN, "{\"level\":\"PROVINCE\",\"rules\":[]}", "level");
        put422("/policies/" + NAN_AN, "{\"sameStayMaxGapDays\":31,\"rules\":[]}", "sameStayMaxGapDays");
        web.get().uri("/policies/{region}", NAN_AN).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rules[0].rule").isEqualTo("NO_SECOND_DEDUCTIBLE");
    }

    @Test
    void aCancelRevokesTheDecisionAndRepeatedAcceptsIssueNothingNew() {
        String referral = newReferral();
        Accept accept = new Accept(referral, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "na-county-hospital", 20_000L, INSURED);
        String ceId = events.accepted(accept);
        awaitPublished(referral, 1);

        events.accepted(accept, ceId);
        events.accepted(accept);
        events.cancelled(referral);
        events.cancelled(referral);
        List<Published> published = awaitPublished(referral, 2);
        awaitEverythingHandledAndPublished(referral);

        assertThat(events.publishedFor(referral)).extracting(Published::type).containsExactly(
                "billing.deductible-decision-issued.v1", "billing.deductible-decision-revoked.v1");
        Published revoked = published.get(1);
        assertThat(revoked.text("decisionId")).isEqualTo(published.get(0).text("decisionId"));
        assertThat(revoked.text("reason")).isEqualTo("REFERRAL_CANCELLED");
        assertThat(revoked.fen("payableFen")).isZero();
        web.get().uri("/decisions?referralId={id}", referral).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].status").isEqualTo("REVOKED")
                .jsonPath("$[0].revocationReason").isEqualTo("REFERRAL_CANCELLED");
    }

    @Test
    void anAcceptThatArrivesAfterItsCancelIssuesNothing() {
        String referral = newReferral();
        events.cancelled(referral);
        events.accepted(new Accept(referral, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "na-county-hospital", 20_000L, INSURED));
        awaitEverythingHandledAndPublished(referral);

        assertThat(events.publishedFor(referral)).isEmpty();
        web.get().uri("/decisions?referralId={id}", referral).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void aRegionWithoutAScheduleGetsANoScheduleDecisionWithoutAmountsAndAnAlert() {
        String referral = accepted(UNSCHEDULED, "RESIDENT", "UP", "INPATIENT", "na-shijing-thc",
                "na-county-hospital", 20_000L);

        Published issued = awaitDecision(referral, "NO_SCHEDULE");

        assertAmounts(issued, null, null, null);
        assertThat(issued.fen("alreadyPaidFen")).isEqualTo(20_000);
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        ManagementPort.client(managementPort)
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("billing_decisions_no_schedule_total{region=\"" + UNSCHEDULED + "\"")
                        .contains("billing_decisions_issued_total{region=\"" + UNSCHEDULED + "\",rule=\"NO_SCHEDULE\""));
    }

    @Test
    void anAcceptNamingAnInstitutionTheRegistryHasNotPublishedIsDeadLetteredNotGuessed() {
        String referral = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shijing-thc",
                "not-yet-registered", 20_000L);

        awaitDeadLettered(referral);
        assertThat(events.publishedFor(referral)).isEmpty();
    }

    /** A tombstone on a registry topic removes the record from billing's view, and decisions stop relying on it. */
    @Test
    void aRemovedAllianceWaivesNoSecondDeductibleAndAnAcceptNamingARemovedInstitutionIsDeadLettered() {
        events.institution("na-shuitou-thc", "PRIMARY", NAN_AN);
        events.institution("na-second-hospital", "SECONDARY", NAN_AN);
        events.alliance("na-shuitou-community", "COUNTY_MEDICAL_COMMUNITY", NAN_AN, "na-second-hospital",
                "na-shuitou-thc");
        awaitView("institution_view", "na-second-hospital", true);
        awaitView("alliance_view", "na-shuitou-community", true);
        String inAlliance = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shuitou-thc", "na-second-hospital",
                20_000L);
        Published noSecond = awaitDecision(inAlliance, "NO_SECOND_DEDUCTIBLE");
        assertThat(noSecond.text("allianceId")).isEqualTo("na-shuitou-community");

        events.allianceRemoved("na-shuitou-community");
        awaitView("alliance_view", "na-shuitou-community", false);
        String allianceGone = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shuitou-thc", "na-second-hospital",
                20_000L);

        Published full = awaitDecision(allianceGone, "FULL");
        assertAmounts(full, 50_000L, 0L, 50_000L);
        assertThat(full.body().get("sameAlliance").asBoolean()).isFalse();
        assertThat(full.text("allianceId")).isNull();

        events.institutionRemoved("na-shuitou-thc");
        events.institutionRemoved("na-second-hospital");
        awaitView("institution_view", "na-shuitou-thc", false);
        awaitView("institution_view", "na-second-hospital", false);
        String institutionsGone = accepted(NAN_AN, "EMPLOYEE", "UP", "INPATIENT", "na-shuitou-thc",
                "na-second-hospital", 20_000L);

        awaitDeadLettered(institutionsGone);
        assertThat(events.publishedFor(institutionsGone)).isEmpty();
    }

    @Test
    void theDailySettlementCsvReconcilesWithTheEvents() {
        List<String> referrals = List.of(newReferral(), newReferral(), newReferral());
        long[] alreadyPaid = {10_000, 50_000, 100_000};
        for (int i = 0; i < referrals.size(); i++) {
            events.accepted(new Accept(referrals.get(i), ANYWHERE_CONTINUOUS, "EMPLOYEE", "UP", "INPATIENT",
                    "jl-central-hospital", "wz-wmu-first-hospital", alreadyPaid[i], INSURED));
        }
        referrals.forEach(referral -> awaitPublished(referral, 1));
        events.cancelled(referrals.get(1));
        awaitPublished(referrals.get(1), 2);
        List<Published> published = referrals.stream().flatMap(referral -> events.publishedFor(referral).stream())
                .toList();

        String today = SettlementDay.of(java.time.Instant.now()).toString();
        String csv = web.get().uri("/settlement/{date}.csv", today)
                .headers(h -> h.setBearerAuth(TestTokens.insurer(ANYWHERE_CONTINUOUS)))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("line_type,event_time,decision_id,referral_id");
        List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(line -> row(lines.get(0), line))
                .toList();
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.get("region_code")).isEqualTo(ANYWHERE_CONTINUOUS));
        assertThat(rows).filteredOn(row -> row.get("line_type").equals("REVOKED")).singleElement()
                .satisfies(row -> assertThat(row.get("referral_id")).isEqualTo(referrals.get(1)));
        for (String column : List.of("payable_fen", "waived_fen", "standard_deductible_fen")) {
            String field = switch (column) {
                case "payable_fen" -> "payableFen";
                case "waived_fen" -> "waivedFen";
                default -> "standardDeductibleFen";
            };
            long fromCsv = rows.stream().mapToLong(row -> Long.parseLong(row.get(column))).sum();
            long fromEvents = published.stream()
                    .mapToLong(event -> (event.type().endsWith("revoked.v1") ? -1 : 1) * event.fen(field)).sum();
            assertThat(fromCsv).as(column).isEqualTo(fromEvents);
        }
        // payable: (100000 − 10000) + (100000 − 50000) − (100000 − 50000) + 0 (paid it all) = 90000 net
        assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.get("payable_fen"))).sum()).isEqualTo(90_000);

        web.get().uri("/settlement/{date}.csv", today).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(all -> assertThat(all).contains(referrals.get(0)).contains(ANYWHERE_CONTINUOUS));
        web.get().uri("/settlement/{date}.csv", today)
                .headers(h -> h.setBearerAuth(TestTokens.token(Role.REFERRAL_DESK, "na-county-hospital")))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("settlement-readers");
    }

    @Test
    void aScheduleMissingALevelOrWithANegativeAmountIsRefusedNamingTheField() {
        web.put().uri("/schedules/{region}/EMPLOYEE/2026", JILIN).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"deductibleFen\":{\"INPATIENT\":{\"TERTIARY\":90000,\"SECONDARY\":60000}},"
                        + "\"careTypesWithoutDeductible\":[\"OUTPATIENT\",\"EXAMINATION\"]}")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("deductibleFen.INPATIENT.PRIMARY")
                .jsonPath("$.code").isEqualTo("level-missing")
                .jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:billing/level-missing")
                .jsonPath("$.title").isEqualTo("Billing rule violated")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("deductibleFen.INPATIENT.PRIMARY: every institution level needs an amount"));
        web.put().uri("/schedules/{region}/EMPLOYEE/2026", JILIN).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(scheduleJson(90_000, -1, 20_000))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("deductibleFen.INPATIENT.SECONDARY");
        web.put().uri("/schedules/{region}/EMPLOYEE/2026", JILIN).headers(h -> h.setBearerAuth(TestTokens.insurer(JILIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(scheduleJson(90_000, 60_000, 20_000))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:forbidden")
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.code").isEqualTo("administrators-only");
        web.put().uri("/policies/{region}", JILIN).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rules\":[{\"rule\":\"NO_SECOND_DEDUCTIBLE\",\"scope\":\"IN_ALLIANCE\"}]}")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rules[0].allianceTypes");
    }

    @Test
    void servesItsOpenApiDocument() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/settlement/{date}.csv']").exists()
                .jsonPath("$.paths['/schedules/{region}/{scheme}/{year}'].put").exists()
                .jsonPath("$.paths['/policies/{region}'].put").exists()
                .jsonPath("$.paths['/decisions/{id}'].get").exists();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void schedule(String region, int year, long tertiary, long secondary, long primary) {
        web.put().uri("/schedules/{region}/EMPLOYEE/{year}", region, year).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(scheduleJson(tertiary, secondary, primary))
                .exchange().expectStatus().isOk();
    }

    private static String scheduleJson(long tertiary, long secondary, long primary) {
        return "{\"deductibleFen\":{\"INPATIENT\":{\"TERTIARY\":" + tertiary + ",\"SECONDARY\":" + secondary
                + ",\"PRIMARY\":" + primary + ",\"VILLAGE_CLINIC\":0,\"UNRATED\":" + tertiary + "}},"
                + "\"careTypesWithoutDeductible\":[\"OUTPATIENT\",\"EXAMINATION\"],\"note\":\"test amounts\"}";
    }

    private void policy(String region, String rules) {
        policy(region, 1, rules);
    }

    private void policy(String region, int sameStayMaxGapDays, String rules) {
        web.put().uri("/policies/{region}", region).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"description\":\"test policy\",\"policyBasis\":\"test basis\",\"sameStayMaxGapDays\":"
                        + sameStayMaxGapDays + ",\"rules\":[" + rules + "]}")
                .exchange().expectStatus().isOk();
    }

    private void put422(String path, String body, String field) {
        web.put().uri(path).headers(h -> h.setBearerAuth(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static String newReferral() {
        return "ref-" + UUID.randomUUID();
    }

    /** A new catalog referral of {@link #INSURED}, accepted as referral-service sends it; its id. */
    private String accepted(String region, String scheme, String direction, String careType, String from, String to,
                            Long alreadyPaidFen) {
        String referral = newReferral();
        events.accepted(new Accept(referral, region, scheme, direction, careType, from, to, alreadyPaidFen, INSURED));
        return referral;
    }

    /** The amounts insurers settle by, in fen (null: not decided): the standard deductible, waived, payable. */
    private static void assertAmounts(Published decision, Long standard, Long waived, Long payable) {
        assertThat(decision.fen("standardDeductibleFen")).as("standard deductible").isEqualTo(standard);
        assertThat(decision.fen("waivedFen")).as("waived").isEqualTo(waived);
        assertThat(decision.fen("payableFen")).as("payable").isEqualTo(payable);
    }

    /** The first decision published for {@code referral}, which must apply {@code rule}. */
    private Published awaitDecision(String referral, String rule) {
        Published decision = awaitPublished(referral, 1).get(0);
        assertThat(decision.text("rule")).isEqualTo(rule);
        return decision;
    }

    /**
     * Every event sent for {@code referral} so far has been consumed (a marker sent after them on the
     * same single-partition topic has its decision stored) and whatever the referral's record holds
     * has been published (its outbox is empty).
     */
    private void awaitEverythingHandledAndPublished(String referral) {
        String marker = accepted(JILIN, "EMPLOYEE", "UP", "OUTPATIENT", "jl-community-centre",
                "jl-central-hospital", null);
        awaitPublished(marker, 1);
        await().atMost(WAIT).until(() -> emptyOutbox("decisions", referral));
    }

    /** Waits until the accept of {@code referral} is on billing's dead-letter topic of referral.events.v1. */
    private void awaitDeadLettered(String referral) {
        await().atMost(WAIT).until(() -> KafkaRecords.read(brokers,
                        "referral.events.v1.billing-service.dlq", 1, Duration.ofSeconds(2)).stream()
                .anyMatch(record -> referral.equals(record.key())));
    }

    /** Waits until billing's local view in {@code collection} holds (or no longer holds) the record {@code id}. */
    private void awaitView(String collection, String id, boolean held) {
        await().atMost(WAIT).until(() -> held == mongo.exists(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), collection).block(WAIT));
    }

    private static Map<String, String> row(String header, String line) {
        String[] names = header.split(",", -1);
        String[] values = line.split(",", -1);
        assertThat(values).as("plain CSV line without quoted commas").hasSameSizeAs(names);
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], values[i]);
        }
        return row;
    }
}

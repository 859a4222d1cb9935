package cn.referral.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The console application on a free port, in front of a gateway stand-in and with its sessions in a
 * MongoDB stand-in: sign-in and CSRF, the token kept server-side, the language switch, a problem
 * shown as a readable page, and a session that survives a console restart. (The screens against the
 * real platform in a real browser: deploy/system-tests ConsoleBrowserIT.)
 */
class ConsoleIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** A valid identity number (GB 11643 check character), typed into the form and never shown back. */
    private static final String IDENTITY_NUMBER = "11010519491231002X";
    /** Short, so a call the stand-in never answers ends soon; its other answers take milliseconds. */
    private static final String GATEWAY_RESPONSE_TIMEOUT = "3s";
    /** r-1 completed and recommended back down, none made yet: the up-referral a down-referral form starts from. */
    private static final String A_COMPLETED_UP_REFERRAL_AWAITING_ITS_DOWN_REFERRAL = ReferralJson.with(
            ReferralJson.SLOT_HELD_UP_REFERRAL, "state", "\"COMPLETED\"", "allowedActions", "[]", "loop",
            "{\"upReferralId\":null,\"downReferralId\":null,\"downReferralPending\":true}");

    private static MongoServer mongo;
    private static StubGateway gateway;
    private static ConfigurableApplicationContext console;
    private static WebTestClient web;

    @BeforeAll
    static void startConsole() {
        mongo = ConsoleUnderTest.memoryMongo();
        gateway = new StubGateway();
        start();
    }

    @AfterAll
    static void stopAll() {
        console.close();
        gateway.close();
        mongo.shutdownNow();
    }

    @BeforeEach
    void forgetCalls() {
        gateway.calls.clear();
        gateway.forgetAnswers();
    }

    private static void start() {
        console = ConsoleUnderTest.start(mongo, new String[] {"local"}, "--console.gateway-url=" + gateway.url(),
                "--console.gateway-response-timeout=" + GATEWAY_RESPONSE_TIMEOUT);
        web = ConsoleUnderTest.pages(console);
    }

    @Test
    void everyPageButTheSignInNeedsASignedInUser() {
        web.get().uri("/referrals").exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/console/sign-in"));
    }

    @Test
    void theSignInPageListsTheDemoPeopleInChineseOrEnglish() {
        String chinese = page("/sign-in");
        assertThat(chinese).contains("登录（开发环境）", "南安市石井镇中心卫生院 全科医生", "南安市医院 转诊服务中心",
                "<html lang=\"zh-CN\"");
        assertThat(page("/sign-in?lang=en")).contains("Sign in (development)", "<html lang=\"en\"");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        web.post().uri("/sign-in").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("user", "shijing-gp"))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void theTokenStaysOnTheServerAndTheSessionSurvivesARestart() {
        String session = signIn("shijing-gp");
        assertThat(gateway.calls).as("calls: %s", gateway.calls).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/auth/dev-token");
            assertThat(call.body()).contains("\"subject\":\"na-shijing-gp-1\"", "\"roles\":[\"PRIMARY_DOCTOR\"]",
                    "\"institutionId\":\"na-shijing-thc\"");
        });

        String referrals = signedInPage(session, "/referrals");
        assertThat(referrals).contains("我的转诊", "南安市石井镇中心卫生院 全科医生").doesNotContain(StubGateway.TOKEN);
        assertThat(gateway.calls.get(gateway.calls.size() - 1).authorization())
                .as("the gateway is called with the user's own token").isEqualTo("Bearer " + StubGateway.TOKEN);

        console.close();
        start();
        assertThat(signedInPage(session, "/referrals")).as("still signed in after a restart").contains("我的转诊");
    }

    @Test
    void aReferralTheApiDoesNotShowThisUserIsAReadableNotFoundPage() {
        String session = signIn("shijing-gp");
        String page = web.get().uri("/referrals/someone-elses").cookie("CONSOLE_SESSION", session).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("未找到该记录，或者它不属于您的机构。");
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortNeverUnderTheConsolesRoutedPath() {
        WebTestClient management = ConsoleUnderTest.management(console);
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("jvm_memory_used_bytes");

        // the gateway routes /console/** here: nothing of the actuator may answer under it
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isNotFound();
    }

    @Test
    void aRouteSuggestionShowsTheFreeReservedUnitsOfTheDepartmentAndCareTypeOnTheFirstDay() {
        gateway.answer("GET", "/api/registry/routes", 200, """
                [{"rank":1,"institutionId":"na-county-hospital","name":"南安市医院","level":"SECONDARY",
                  "kind":"GENERAL_HOSPITAL","regionCode":"350583","tier":"ALLIANCE_LEAD","allianceId":"na-ycd",
                  "allianceName":"南安市医共体","inCatalog":true,"matchedCode":"I21","reasons":[],
                  "explanation":"同一医共体内，诊断在上转目录中"}]""");
        gateway.answer("GET", "/api/quota/reserve", 200, """
                [{"institutionId":"na-county-hospital","department":"心血管内科","resource":"INPATIENT_BED",
                  "date":"2026-11-27","session":"ALL_DAY","sessionStartsAt":"2026-11-27T00:00:00Z","freeReserve":2},
                 {"institutionId":"na-county-hospital","department":"心血管内科","resource":"EXPERT_CLINIC",
                  "date":"2026-11-27","session":"MORNING","sessionStartsAt":"2026-11-27T00:00:00Z","freeReserve":4},
                 {"institutionId":"na-county-hospital","department":"神经内科","resource":"INPATIENT_BED",
                  "date":"2026-11-27","session":"ALL_DAY","sessionStartsAt":"2026-11-27T00:00:00Z","freeReserve":1}]""");
        String session = signIn("shijing-gp");

        String inpatientCardiology = signedInPage(session, "/fragments/routes?diagnosis.code=I21.0&careType=INPATIENT"
                + "&toDepartment=心血管内科&requestedFrom=2026-11-27");
        String anyInpatient = signedInPage(session, "/fragments/routes?diagnosis.code=I21.0&careType=INPATIENT"
                + "&requestedFrom=2026-11-27");

        assertThat(inpatientCardiology).contains("南安市医院", "当日剩余预留 2");
        assertThat(anyInpatient).as("every department's beds before one is chosen").contains("当日剩余预留 3");
        assertThat(gateway.calls).filteredOn(call -> call.path().equals("/api/quota/reserve"))
                .as("asked with the doctor's own token").isNotEmpty()
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer " + StubGateway.TOKEN));
    }

    @Test
    void aDiagnosisCodeTheRegistryCannotUseIsNamedInTheSuggestionsBoxAndOnlyAnOutageSaysTryLater() {
        gateway.answer("GET", "/api/registry/routes", 400, StubGateway.invalidField("diagnosis",
                "an ICD-10 code is a letter, two digits and an optional .subcategory (e.g. I21.0), not I2"));
        String session = signIn("shijing-gp");

        String badCode = signedInPage(session, "/fragments/routes?diagnosis.code=i2&careType=INPATIENT");

        assertThat(badCode).contains("诊断编码“i2”不是有效的 ICD-10 编码").doesNotContain("推荐暂时不可用");

        gateway.answer("GET", "/api/registry/routes", 503, """
                {"type":"https://referral.example/problems/unavailable","title":"Service unavailable","status":503,
                 "detail":"The registry service failed too often recently; calls resume shortly","service":"registry"}""");
        assertThat(signedInPage(session, "/fragments/routes?diagnosis.code=I21.0&careType=INPATIENT"))
                .contains("推荐暂时不可用，请稍后再试。").doesNotContain("ICD-10");
    }

    /** Every way of no whole answer in time: none, none ever, or a body that stalls, is cut off or trickles in. */
    @ParameterizedTest
    @EnumSource(StubGateway.Failure.class)
    void whenTheGatewayDoesNotAnswerInFullAndInTimeTheSuggestionsBoxSaysTryLaterInsteadOfStayingOnItsLoadingHint(
            StubGateway.Failure failure) {
        String session = signIn("shijing-gp");
        gateway.fail("GET", "/api/registry/routes", failure);

        assertThat(signedInPage(session, "/fragments/routes?diagnosis.code=I21.0&careType=INPATIENT"))
                .contains("推荐暂时不可用，请稍后再试。").doesNotContain("ICD-10");
        assertThat(gateway.calls).extracting(StubGateway.Call::path).contains("/api/registry/routes");
    }

    /** Every way of no whole answer in time: none, none ever, or a body that stalls, is cut off or trickles in. */
    @ParameterizedTest
    @EnumSource(StubGateway.Failure.class)
    void aPageWhoseDataTheGatewayDoesNotAnswerInFullAndInTimeIsTheOutagePageNotAServerError(
            StubGateway.Failure failure) {
        String session = signIn("shijing-gp");
        gateway.fail("GET", "/api/worklists/outgoing", failure);

        String page = web.get().uri("/referrals").cookie("CONSOLE_SESSION", session).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("data-test=\"problem\"", "服务暂时不可用，请稍后再试。");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBodyNotWholeWithinTheResponseTimeoutIsOneShortWarningNamingTheCallAndTheTimeout(CapturedOutput output) {
        String session = signIn("shijing-gp");
        gateway.fail("GET", "/api/worklists/outgoing", StubGateway.Failure.STALL);

        web.get().uri("/referrals?state=SUBMITTED").cookie("CONSOLE_SESSION", session).exchange()
                .expectStatus().isEqualTo(503);

        assertThat(output.getAll().lines().filter(line -> line.contains("broke off"))).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN")
                        .endsWith("The gateway's answer to GET /api/worklists/outgoing broke off: its body was not "
                                + "complete within 3000 ms"));
    }

    @Test
    void aRouteSuggestionsReasonsAreInChineseNotTheRegistrysEnumNames() {
        gateway.answer("GET", "/api/registry/routes", 200, """
                [{"rank":1,"institutionId":"na-county-hospital","name":"南安市医院","level":"SECONDARY",
                  "kind":"GENERAL_HOSPITAL","regionCode":"350583","tier":"ALLIANCE_LEAD","allianceId":"na-ycd",
                  "allianceName":"南安市医共体","inCatalog":true,"matchedCode":"I21",
                  "reasons":["lead hospital (牵头医院) of 南安市医共体, the COUNTY_MEDICAL_COMMUNITY that 南安市石井镇中心卫生院 belongs to",
                             "SECONDARY institution, 1 level(s) above PRIMARY",
                             "I21.0 is in the up-referral (上转) catalog \\"南安市上转目录\\" (v1, in effect since 2025-01-01) for SECONDARY institutions, by entry I21 急性心肌梗死."],
                  "explanation":"lead hospital (牵头医院) of 南安市医共体, the COUNTY_MEDICAL_COMMUNITY that 南安市石井镇中心卫生院 belongs to; SECONDARY institution, 1 level(s) above PRIMARY; I21.0 is in the up-referral (上转) catalog"},
                 {"rank":2,"institutionId":"qz-first-hospital","name":"泉州市第一医院","level":"TERTIARY",
                  "kind":"GENERAL_HOSPITAL","regionCode":"350502","tier":"OUTSIDE_ALLIANCE","allianceId":null,
                  "allianceName":null,"inCatalog":false,"matchedCode":null,
                  "reasons":["not in an alliance with 南安市石井镇中心卫生院; in the same province"],
                  "explanation":"not in an alliance with 南安市石井镇中心卫生院; in the same province"}]""");
        String session = signIn("shijing-gp");

        String routes = signedInPage(session, "/fragments/routes?diagnosis.code=I21.0&careType=INPATIENT");

        assertThat(routes).contains("医联体牵头医院", "本机构所在医联体“南安市医共体”的牵头医院", "机构级别：二级医院",
                "诊断在上转目录内（条目 I21）", "医联体外", "与本机构不在同一医联体", "机构级别：三级医院",
                "诊断不在该级别机构的上转目录内，转诊需填写目录外转诊理由");
        assertThat(routes).doesNotContain("ALLIANCE_LEAD", "OUTSIDE_ALLIANCE", "COUNTY_MEDICAL_COMMUNITY", "SECONDARY",
                "TERTIARY", "lead hospital", "not in an alliance");
    }

    @Test
    void aReferralIsShownAsTheApiAnswersIt() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.SLOT_HELD_UP_REFERRAL);
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.HISTORY);
        String session = signIn("shijing-gp");

        String page = signedInPage(session, "/referrals/r-1");

        assertThat(page).contains("data-state=\"SLOT_HELD\"", "已锁定号源", "**************1234", "锁定预留号源");
        assertThat(page).as("each institution with its department")
                .containsPattern("data-test=\"from\">[^<·]*na-shijing-thc · 全科</dd>")
                .containsPattern("data-test=\"to\">[^<·]*na-county-hospital · 心血管内科</dd>");
        assertThat(page).as("the birth year the API gives (never the full birth date)")
                .containsPattern("出生</dt><dd>1958</dd>");
    }

    @Test
    void aReferralInTheCatalogIsExplainedInChineseFromItsVerdictNotReferralServicesEnglish() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.SLOT_HELD_UP_REFERRAL);
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.HISTORY);
        gateway.answer("GET", "/api/registry/catalogs/cat-na-up", 200, """
                {"id":"cat-na-up","name":"南安市上转目录","direction":"UP","targetLevel":"SECONDARY",
                 "effectiveFrom":"2025-01-01","entries":[],"active":true,"version":1}""");
        String session = signIn("shijing-gp");

        String page = signedInPage(session, "/referrals/r-1");

        assertThat(section(page, "verdict")).contains("上转至更高层级的医疗机构，符合功能定位", "签约患者：优先服务",
                "诊断 I21.0 在目录“南安市上转目录”内（条目 I21）");
        assertThat(section(page, "timeline")).contains("提交转诊", "目录内转诊", "锁定预留号源");
        assertThat(page).doesNotContain("is in", "cat-na-up", "in catalog", "hold h-1");
        assertThat(section(signedInPage(session, "/referrals/r-1?lang=en"), "verdict"))
                .contains("Up-referral to a higher-level institution", "Contracted patient: priority service",
                        "Diagnosis I21.0 is in the catalog “南安市上转目录” (entry I21)");
    }

    @Test
    void aReferralOutsideTheCatalogSaysTheDoctorsReasonAndThatThePatientHasNoContract() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL,
                "contracted", "false", "eligibility", """
                        {"inCatalog":false,"catalogId":null,"catalogEntry":null,"overrideReason":"患者要求到县医院复查",
                         "toContractedInstitution":false,
                         "explanation":["UP referral PRIMARY → SECONDARY fits the functional levels (功能定位)",
                                        "patient has no valid family-doctor contract",
                                        "I21.0 is not in any 上转病种目录 for SECONDARY / INPATIENT; referred on the doctor's override: 患者要求到县医院复查"]}"""));
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.with(ReferralJson.HISTORY, "entries", """
                [{"at":"2026-11-26T01:00:00Z","actorId":"na-shijing-gp-1","role":"PRIMARY_DOCTOR",
                  "institutionId":"na-shijing-thc","action":"SUBMIT","from":null,"to":"SUBMITTED",
                  "reason":"outside catalog, override: 患者要求到县医院复查"}]"""));
        String session = signIn("shijing-gp");

        String page = signedInPage(session, "/referrals/r-1");

        assertThat(section(page, "verdict")).contains("患者没有有效的家庭医生签约",
                "诊断 I21.0 不在接收机构级别的上转病种目录内，按医生填写的目录外转诊理由转诊（已记录并计入统计）");
        assertThat(page).contains("目录外转诊理由：患者要求到县医院复查");
        assertThat(section(page, "timeline")).contains("目录外转诊，理由：患者要求到县医院复查");
        assertThat(page).doesNotContain("fits the functional levels", "no valid family-doctor contract", "override",
                "SECONDARY");
    }

    @Test
    void aContractedPatientReferredBackToTheirOwnInstitutionIsSaidSo() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL,
                "direction", "\"DOWN\"", "eligibility", """
                        {"inCatalog":true,"catalogId":"cat-na-down","catalogEntry":"I63","overrideReason":null,
                         "toContractedInstitution":true,
                         "explanation":["down-referral to the patient's contracted primary institution na-shijing-thc (签约家庭医生机构)"]}"""));
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.HISTORY);
        String session = signIn("shijing-gp");

        String page = signedInPage(session, "/referrals/r-1");

        assertThat(section(page, "verdict")).contains("下转至更低层级的医疗机构，符合功能定位",
                "签约患者，转往其签约的“1+1+1”机构：优先服务",
                "诊断 I21.0 在下转病种目录内（条目 I63）").as("the registry did not name the catalog")
                .doesNotContain("cat-na-down");
        assertThat(page).doesNotContain("contracted primary institution");
    }

    @Test
    void theVerdictNamesTheFunctionalLevelsOfBothInstitutionsReadOnceFromTheRegistry() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL,
                "fromInstitutionId", "\"na-guanqiao-thc\"", "toInstitutionId", "\"na-guangqian-hospital\""));
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.HISTORY);
        registryKnows("na-guanqiao-thc", "南安市官桥镇卫生院", "PRIMARY", "350583");
        registryKnows("na-guangqian-hospital", "泉州市光前医院", "SECONDARY", "350583");
        String session = signIn("shijing-gp");

        String page = signedInPage(session, "/referrals/r-1");
        String english = signedInPage(session, "/referrals/r-1?lang=en");

        assertThat(section(page, "verdict")).contains("从基层医疗卫生机构上转至二级医院，符合功能定位")
                .doesNotContain("上转至更高层级的医疗机构");
        assertThat(page).contains("data-test=\"from\">南安市官桥镇卫生院 · 全科</dd>",
                "data-test=\"to\">泉州市光前医院 · 心血管内科</dd>");
        assertThat(section(english, "verdict"))
                .contains("Up-referral (Primary care institution → Secondary hospital), as the functional levels require");
        assertThat(gateway.calls).as("the name and the level from one read, remembered for the second page")
                .extracting(StubGateway.Call::path).containsOnlyOnce("/api/registry/institutions/na-guanqiao-thc",
                        "/api/registry/institutions/na-guangqian-hospital");
    }

    @Test
    void theAuditTrailSaysWhatWasDoneAndWhyInWordsAndTheReadersInstitutionByName() {
        gateway.answer("GET", "/api/audit", 200, """
                [{"auditId":"a-1","at":"2026-11-20T01:30:00Z","actorId":"user-referral_desk@qz-second-hospital",
                  "role":"REFERRAL_DESK","institutionId":"qz-second-hospital","referralId":"r-1",
                  "action":"READ_REFERRAL","purpose":"REFERRAL_HANDLING; 预约前核对"},
                 {"auditId":"a-2","at":"2026-11-20T02:00:00Z","actorId":"na-meilin-gp-1","role":"PRIMARY_DOCTOR",
                  "institutionId":"na-meilin-thc","referralId":"r-1","action":"LIST_AS_FAMILY_DOCTOR",
                  "purpose":"CONTINUITY_OF_CARE"},
                 {"auditId":"a-3","at":"2026-11-20T03:00:00Z","actorId":"auditor-1","role":"AUDITOR",
                  "institutionId":null,"referralId":"r-1","action":"SOMETHING_NEW","purpose":"AUDIT"}]""");
        registryKnows("qz-second-hospital", "泉州市第二医院", "TERTIARY", "350500");
        registryKnows("na-meilin-thc", "南安市梅林镇卫生院", "PRIMARY", "350583");
        // (institutions no other case names: the console remembers the ones it has read)
        String session = signIn("auditor");

        String page = signedInPage(session, "/audit?referralId=r-1");
        String english = signedInPage(session, "/audit?referralId=r-1&lang=en");

        assertThat(gateway.calls).as("the trail of the referral asked for")
                .anyMatch(call -> call.path().equals("/api/audit") && "referralId=r-1".equals(call.query()));
        assertThat(page).contains(">查看转诊详情<", ">转诊处理：预约前核对<", ">签约家庭医生工作台列出<",
                ">连续性照护（随访、长处方、签约交接）<", ">泉州市第二医院<", ">南安市梅林镇卫生院<", ">审计<")
                .as("an action the console has no words for is shown as recorded").contains(">SOMETHING_NEW<")
                .doesNotContain(">READ_REFERRAL<", ">REFERRAL_HANDLING; 预约前核对<", ">qz-second-hospital<");
        assertThat(english).contains(">Read the referral<", ">Referral handling: 预约前核对<",
                ">Listed on the family doctor&#39;s worklist<");
    }

    @Test
    void anInstitutionLineWithoutADepartmentEndsWithTheInstitution() {
        String session = signIn("shijing-gp");

        String page = referralPage(session, ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL,
                "fromDepartment", "null", "toDepartment", "\"\""));

        assertThat(page).containsPattern("data-test=\"from\">[^<·]*na-shijing-thc</dd>")
                .containsPattern("data-test=\"to\">[^<·]*na-county-hospital</dd>");
    }

    @Test
    void theHandoverNamesTheFamilyDoctorAndItsIdOnlyWhenTheRegistryDoesNotKnowThem() {
        gateway.answer("GET", "/api/registry/practitioners/na-shijing-gp-7", 200, """
                {"id":"na-shijing-gp-7","name":"黄志明","institutionId":"na-shijing-thc","role":"GENERAL_PRACTITIONER",
                 "title":"主治医师","department":"全科"}""");
        String session = signIn("shijing-gp");

        String named = referralPage(session, aDownReferralHandedOverTo("na-shijing-gp-7"));
        String unknown = referralPage(session, aDownReferralHandedOverTo("na-shijing-gp-404"));

        assertThat(named).contains("data-test=\"handover\">交接家庭医生 黄志明（主治医师） 随访血压</li>")
                .doesNotContain("na-shijing-gp-7");
        assertThat(unknown).as("the registry answered 404: the id, and the page still shown")
                .contains("data-test=\"handover\">交接家庭医生 na-shijing-gp-404 随访血压</li>");
    }

    @Test
    void theDownReferralFormOffersTheFamilyDoctorsOfThePatientsContractedCentreNamedAndPostsTheOneChosen() {
        gateway.answer("GET", "/api/referrals/r-1", 200, A_COMPLETED_UP_REFERRAL_AWAITING_ITS_DOWN_REFERRAL);
        contractedWith("na-shuitou-thc", true);
        registryKnows("na-shuitou-thc", "南安市水头镇卫生院", "PRIMARY", "350583");
        gateway.answer("GET", "/api/registry/practitioners", 200, """
                [{"id":"na-shuitou-gp-1","name":"黄志明","institutionId":"na-shuitou-thc","role":"GENERAL_PRACTITIONER",
                  "title":"主治医师","department":"全科"},
                 {"id":"na-shuitou-nurse-1","name":"陈美玲","institutionId":"na-shuitou-thc","role":"NURSE",
                  "title":"护师","department":"全科"},
                 {"id":"na-shuitou-vd-1","name":"李建国","institutionId":"na-shuitou-thc","role":"VILLAGE_DOCTOR",
                  "title":null,"department":null},
                 {"id":"na-shuitou-gp-2","name":"王卫东","institutionId":"na-shuitou-thc","role":"GENERAL_PRACTITIONER",
                  "title":"主治医师","department":"全科","active":false,"version":2}]""");
        gateway.answer("POST", "/api/referrals", 201, "{\"id\":\"r-11\",\"version\":1,\"state\":\"SUBMITTED\"}");
        String session = signIn("county-doctor");

        String unprefilled = signedInPage(session, "/referrals/new?direction=DOWN");
        String form = signedInPage(session, "/referrals/new?direction=DOWN&basedOn=r-1");

        assertThat(unprefilled).as("no institution known yet: the id, in a plainly labelled field")
                .contains("<label for=\"familyDoctor\">交接的家庭医生（平台编号，可不填）</label>");
        assertThat(gateway.calls).as("the patient's contract, by the up-referral's pseudonym of the patient")
                .filteredOn(call -> call.path().equals("/api/registry/contracts"))
                .singleElement().satisfies(call -> assertThat(call.query()).isEqualTo("patientRef=p-5f0c"));
        assertThat(gateway.calls).as("the family doctors of the contracted centre, where the down-referral goes "
                        + "without a target, not of the centre that referred the patient up (na-shijing-thc)")
                .filteredOn(call -> call.path().equals("/api/registry/practitioners"))
                .singleElement().satisfies(call -> assertThat(call.query()).isEqualTo("institutionId=na-shuitou-thc"));
        assertThat(form).containsPattern("<label for=\"familyDoctor\">交接的家庭医生</label>\\s*<select id=\"familyDoctor\" "
                        + "name=\"continuityPlan.handover.familyDoctorId\"")
                .contains("data-test=\"family-doctors-at\">南安市水头镇卫生院（患者签约机构）的家庭医生</span>")
                .contains("name=\"contract.primaryInstitutionId\" value=\"na-shuitou-thc\"")
                .contains("<option value=\"\">（不指定）</option>")
                .containsPattern("<option value=\"na-shuitou-gp-1\"\\s*>黄志明（主治医师）</option>")
                .containsPattern("<option value=\"na-shuitou-vd-1\"\\s*>李建国</option>")
                .as("only family doctors: general practitioners and village doctors").doesNotContain("陈美玲")
                .as("only doctors in service: the registry deactivated 王卫东").doesNotContain("王卫东");
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        submitReferralForm(session, csrf.group(1), "I69.3", "direction", "DOWN", "basedOn", "r-1",
                "contract.primaryInstitutionId", "na-shuitou-thc", "continuityPlan.followUps", "7 复查",
                "continuityPlan.handover.familyDoctorId", "na-shuitou-gp-1")
                .expectStatus().is3xxRedirection();
        assertThat(gateway.calls).filteredOn(call -> call.path().equals("/api/referrals")).singleElement()
                .satisfies(call -> assertThat(call.body())
                        .contains("\"handover\":{\"familyDoctorId\":\"na-shuitou-gp-1\"}")
                        .doesNotContain("contract.primaryInstitutionId", "toInstitutionId"));
    }

    @Test
    void aDownReferralFormForAPatientWithoutAContractInForceAsksForTheIdOfADoctorWhereThePatientGoes() {
        gateway.answer("GET", "/api/referrals/r-1", 200, A_COMPLETED_UP_REFERRAL_AWAITING_ITS_DOWN_REFERRAL);
        gateway.answer("GET", "/api/registry/practitioners", 200, """
                [{"id":"na-shijing-gp-1","name":"黄志明","institutionId":"na-shijing-thc","role":"GENERAL_PRACTITIONER",
                  "title":"主治医师","department":"全科"}]""");
        contractedWith("na-shijing-thc", false);
        String session = signIn("county-doctor");

        String ended = signedInPage(session, "/referrals/new?direction=DOWN&basedOn=r-1");
        gateway.answer("GET", "/api/registry/contracts", 404, """
                {"type":"https://referral.example/problems/not-found","title":"Not found","status":404,
                 "detail":"The patient has no family-doctor contract"}""");
        String none = signedInPage(session, "/referrals/new?direction=DOWN&basedOn=r-1");

        assertThat(List.of(ended, none)).as("the contract ended, and no contract: no centre the down-referral goes to "
                        + "without a target, so no doctors offered, and the id asked for with where the doctor works")
                .allSatisfy(form -> assertThat(form)
                        .contains("<label for=\"familyDoctor\">交接的家庭医生（平台编号，可不填）</label>",
                                "data-test=\"family-doctor-hint\">须为患者转往机构的家庭医生；未选择接收机构时，即患者签约机构的家庭医生</span>")
                        .doesNotContain("data-test=\"family-doctors\"", "name=\"contract.primaryInstitutionId\""));
        assertThat(gateway.calls).as("the family doctors of the centre that referred the patient up are not offered")
                .extracting(StubGateway.Call::path).doesNotContain("/api/registry/practitioners");
        assertThat(gateway.calls).filteredOn(call -> call.path().equals("/api/registry/contracts")).hasSize(2);
    }

    @Test
    void theFamilyDoctorFieldIsDrawnAgainForTheTargetChosenAmongTheRoutes() {
        registryKnows("na-hongmei-thc", "南安市洪梅镇卫生院", "PRIMARY", "350583");
        registryKnows("na-kangmei-thc", "南安市康美镇卫生院", "PRIMARY", "350583");
        gateway.answer("GET", "/api/registry/practitioners", 200, """
                [{"id":"na-hongmei-gp-1","name":"郑丽华","institutionId":"na-hongmei-thc","role":"GENERAL_PRACTITIONER",
                  "title":"主治医师","department":"全科"}]""");
        String session = signIn("county-doctor");

        String form = signedInPage(session, "/referrals/new?direction=DOWN");
        String chosen = signedInPage(session,
                "/fragments/family-doctors?toInstitutionId=na-hongmei-thc&contract.primaryInstitutionId=na-kangmei-thc");
        String contractDecides = signedInPage(session,
                "/fragments/family-doctors?toInstitutionId=&contract.primaryInstitutionId=na-kangmei-thc");
        String neither = signedInPage(session, "/fragments/family-doctors?toInstitutionId=");

        assertThat(form).as("the field is drawn again when the doctor chooses among the routes")
                .containsPattern("<div id=\"family-doctor\"[^>]*hx-get=\"/console/fragments/family-doctors\"")
                .contains("hx-trigger=\"change from:#routes\"",
                        "hx-include=\"#routes, [name='contract.primaryInstitutionId']\"");
        assertThat(chosen).contains("data-test=\"family-doctors-at\">南安市洪梅镇卫生院的家庭医生</span>")
                .containsPattern("<option value=\"na-hongmei-gp-1\"\\s*>郑丽华（主治医师）</option>");
        assertThat(contractDecides)
                .contains("data-test=\"family-doctors-at\">南安市康美镇卫生院（患者签约机构）的家庭医生</span>");
        assertThat(neither).contains("<label for=\"familyDoctor\">交接的家庭医生（平台编号，可不填）</label>",
                "data-test=\"family-doctor-hint\"");
        assertThat(gateway.calls).filteredOn(call -> call.path().equals("/api/registry/practitioners"))
                .extracting(StubGateway.Call::query)
                .containsExactly("institutionId=na-hongmei-thc", "institutionId=na-kangmei-thc");
    }

    @Test
    void theDownReferralFormDrawnAgainAfterARefusalKeepsTheChosenFamilyDoctorAndWithoutTheRegistryAsksForTheId() {
        gateway.answer("GET", "/api/registry/practitioners", 200, """
                [{"id":"na-shijing-gp-1","name":"黄志明","institutionId":"na-shijing-thc","role":"GENERAL_PRACTITIONER",
                  "title":"主治医师","department":"全科"}]""");

        String again = formRefused("/referrals", StubGateway.ruleViolated("no-down-referral-pending", "upReferralId",
                "r-up-1 awaits no down-referral"), "direction", "DOWN", "basedOn", "r-up-1",
                "toInstitutionId", "na-shijing-thc", "continuityPlan.handover.familyDoctorId", "na-shijing-gp-1");
        gateway.forgetAnswers();
        String withoutRegistry = formRefused("/referrals", StubGateway.ruleViolated("no-down-referral-pending",
                "upReferralId", "r-up-1 awaits no down-referral"), "direction", "DOWN", "basedOn", "r-up-1",
                "toInstitutionId", "na-shijing-thc", "continuityPlan.handover.familyDoctorId", "na-shijing-gp-1");

        assertThat(again).as("the doctor chosen before is still chosen")
                .containsPattern("<option value=\"na-shijing-gp-1\"\\s+selected=\"selected\">黄志明（主治医师）</option>")
                .as("the doctors of the target chosen, named as the registry names it (here not at all: by its id)")
                .contains("data-test=\"family-doctors-at\">na-shijing-thc的家庭医生</span>");
        assertThat(withoutRegistry).as("the registry answered 404: the id as typed, in a plainly labelled field")
                .contains("<label for=\"familyDoctor\">交接的家庭医生（平台编号，可不填）</label>")
                .containsPattern("<input id=\"familyDoctor\" name=\"continuityPlan.handover.familyDoctorId\" "
                        + "value=\"na-shijing-gp-1\"");
    }

    @Test
    void anAcceptedReferralsAppointmentIsInChinaTimeOnItsHistoryLine() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL,
                "state", "\"ACCEPTED\"", "appointmentAt", "\"2026-11-28T01:30:00Z\"", "allowedActions", "[]"));
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.historyThen("ACCEPT", "SLOT_HELD",
                "ACCEPTED", "2026-11-26T03:00:00Z", "appointment 2026-11-28T01:30:00Z"));
        String session = signIn("county-desk");

        String page = signedInPage(session, "/referrals/r-1");

        assertThat(section(page, "timeline")).contains("2026-11-26 11:00", "接收",
                "预约 2026-11-28 09:30");
        assertThat(page).containsPattern("data-test=\"appointment\">2026-11-28 09:30<")
                .doesNotContain("2026-11-28T01:30:00Z", "appointment 2026");
    }

    @Test
    void aCancelledReferralSaysItsCancelReasonInWords() {
        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL,
                "state", "\"CANCELLED\"", "allowedActions", "[]", "outcome",
                "{\"rejectReason\":null,\"rejectNote\":null,\"cancelReason\":\"PATIENT_DECLINED\",\"completion\":null}"));
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.historyThen("CANCEL", "SLOT_HELD",
                "CANCELLED", "2026-11-26T05:00:00Z", "PATIENT_DECLINED"));
        String session = signIn("shijing-gp");

        String page = signedInPage(session, "/referrals/r-1");

        assertThat(section(page, "timeline")).contains("撤销", "已撤销", "患者拒绝");
        assertThat(page).doesNotContain("PATIENT_DECLINED");
    }

    @Test
    void theHospitalDoctorIsOfferedToReferDownOnlyAnUpReferralThatAwaitsIt() {
        String completed = ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL, "state", "\"COMPLETED\"",
                "allowedActions", "[]");
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.HISTORY);
        String session = signIn("county-doctor");

        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(completed, "loop",
                "{\"upReferralId\":null,\"downReferralId\":null,\"downReferralPending\":true}"));
        assertThat(signedInPage(session, "/referrals/r-1")).as("recommended back down, none made yet")
                .contains("data-test=\"refer-down\"", "/referrals/new?direction=DOWN&amp;basedOn=r-1");

        gateway.answer("GET", "/api/referrals/r-1", 200, ReferralJson.with(completed, "loop",
                "{\"upReferralId\":null,\"downReferralId\":\"r-2\",\"downReferralPending\":false}"));
        assertThat(signedInPage(session, "/referrals/r-1")).as("referred down already")
                .doesNotContain("data-test=\"refer-down\"");

        gateway.answer("GET", "/api/referrals/r-1", 200, completed);
        assertThat(signedInPage(session, "/referrals/r-1")).as("completed without recommending it")
                .doesNotContain("data-test=\"refer-down\"");
    }

    @Test
    void aDownReferralMadeFromTheUpReferralNamesItSoTheTwoAreLinked() {
        gateway.answer("POST", "/api/referrals", 201, "{\"id\":\"r-10\",\"version\":1,\"state\":\"SUBMITTED\"}");
        String session = signIn("shijing-gp");
        Matcher csrf = CSRF.matcher(signedInPage(session, "/referrals/new"));
        assertThat(csrf.find()).isTrue();

        submitReferralForm(session, csrf.group(1), "I21.0", "direction", "DOWN", "basedOn", "r-up-1",
                "toInstitutionId", "na-shijing-thc")
                .expectStatus().is3xxRedirection();
        submitReferralForm(session, csrf.group(1), "I21.0", "toInstitutionId", "na-county-hospital")
                .expectStatus().is3xxRedirection();

        List<StubGateway.Call> posted = gateway.calls.stream().filter(call -> call.path().equals("/api/referrals"))
                .toList();
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).body()).as("the down-referral names the up-referral it continues")
                .contains("\"direction\":\"DOWN\"", "\"upReferralId\":\"r-up-1\"");
        assertThat(posted.get(1).body()).as("an up-referral names none")
                .contains("\"direction\":\"UP\"").doesNotContain("upReferralId");
    }

    @Test
    void anInpatientTransferSendsTheDayThePatientLeavesTheStaySoTheInsurerSeesOneHospitalisation() {
        gateway.answer("POST", "/api/referrals", 201, "{\"id\":\"r-9\",\"version\":1,\"state\":\"SUBMITTED\"}");
        String session = signIn("shijing-gp");
        String form = signedInPage(session, "/referrals/new");
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        Matcher requestedFrom = Pattern.compile("id=\"requestedFrom\"[^>]*value=\"([0-9-]+)\"").matcher(form);
        assertThat(requestedFrom.find()).isTrue();
        assertThat(form).as("planned: the first day asked for at the target")
                .containsPattern("id=\"episode-discharged\"[^>]*value=\"" + requestedFrom.group(1) + "\"");

        submitReferralForm(session, csrf.group(1), "I21.0", "toInstitutionId", "na-county-hospital",
                "sourceEpisode.admissionDate", "2026-11-25", "sourceEpisode.dischargedOn", "2026-11-27",
                "sourceEpisode.deductiblePaidYuan", "200")
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/referrals/r-9"));

        assertThat(gateway.calls).filteredOn(call -> call.path().equals("/api/referrals")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"sourceEpisode\":{\"admissionDate\":\"2026-11-25\","
                        + "\"dischargedOn\":\"2026-11-27\",\"deductiblePaidFen\":20000}"));
    }

    @Test
    void aFieldTheApiNamesIsMarkedBesideItAndTheIdentityNumberIsNotShownBack() {
        gateway.answer("POST", "/api/referrals", 400, StubGateway.invalidField("diagnosis.code",
                "must be an ICD-10 code such as I63.9"));
        String session = signIn("shijing-gp");
        String form = signedInPage(session, "/referrals/new");
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();

        String page = submitReferralForm(session, csrf.group(1), "XYZ")
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("请检查标红的内容后再提交。")
                .containsPattern("<span class=\"error\" id=\"err-diagnosis-code\"[^>]*data-field=\"diagnosis.code\""
                        + "[^>]*>请填写 ICD-10 编码，例如 I63.9</span>")
                .containsPattern("id=\"diagnosis-code\"[^>]*aria-invalid=\"true\"")
                .doesNotContain(IDENTITY_NUMBER)
                .contains(IDENTITY_NUMBER.substring(14));
        assertThat(gateway.calls).filteredOn(call -> call.path().equals("/api/referrals")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"code\":\"XYZ\""));
    }

    @Test
    void aBrokenReferralRuleIsSaidBesideItsFieldByItsCodeInThePagesLanguageNotReferralServicesEnglish() {
        String outsideCatalog = StubGateway.ruleViolated("outside-catalog", "overrideReason",
                "I21 is outside the 上转病种目录 for SECONDARY / INPATIENT and no overrideReason was given");

        String page = formRefused("/referrals", outsideCatalog);
        String english = formRefused("/referrals?lang=en", outsideCatalog);

        assertThat(page).contains("提交的内容不符合转诊规则，请查看标红的说明。")
                .containsPattern("<span class=\"error\" id=\"err-overrideReason\"[^>]*data-field=\"overrideReason\""
                        + "[^>]*>诊断不在该级别的转诊病种目录内，请填写目录外转诊理由</span>")
                .containsPattern("id=\"overrideReason\"[^>]*aria-invalid=\"true\"")
                .doesNotContain("is outside the");
        assertThat(english).contains("This does not meet the referral rules; see the messages in red.")
                .containsPattern("<span class=\"error\" id=\"err-overrideReason\"[^>]*data-field=\"overrideReason\""
                        + "[^>]*>The diagnosis is outside the referral catalog for this level: give a reason for "
                        + "referring outside it</span>")
                .doesNotContain("no overrideReason was given");
    }

    @Test
    void aBrokenRuleNamingAWholePartOfTheFormIsSaidInThatPart() {
        String page = formRefused("/referrals", StubGateway.ruleViolated("source-episode-inpatient-only",
                "sourceEpisode", "only an inpatient transfer carries the source hospitalization"),
                "sourceEpisode.admissionDate", "2026-11-25");

        assertThat(page).containsPattern("<span class=\"error\" id=\"err-sourceEpisode\"[^>]*"
                + "data-field=\"sourceEpisode\"[^>]*>只有住院转诊填写住院经过</span>");
    }

    @Test
    void aBrokenRuleNamingAFieldTheFormDoesNotShowIsSaidAtTheTopOfTheForm() {
        String own = formRefused("/referrals", StubGateway.ruleViolated("inactive-institution", "fromInstitutionId",
                "na-shijing-thc is inactive"));
        String link = formRefused("/referrals", StubGateway.ruleViolated("no-down-referral-pending", "upReferralId",
                "r-up-1 awaits no down-referral"), "direction", "DOWN", "basedOn", "r-up-1");

        assertThat(own).containsPattern("<span class=\"error\" id=\"err-fromInstitutionId\"[^>]*"
                + "data-field=\"fromInstitutionId\"[^>]*>该机构已停用，不能参与转诊</span>");
        assertThat(link).containsPattern("<span class=\"error\" id=\"err-upReferralId\"[^>]*"
                + "data-field=\"upReferralId\"[^>]*>所接续的上转尚未完成、医生未建议下转，或已有下转</span>");
    }

    @Test
    void aBrokenRuleTheConsoleHasNoLineForShowsReferralServicesOwnMessageBesideItsField() {
        String page = formRefused("/referrals", StubGateway.ruleViolated("ward-closed", "toDepartment",
                "the 心血管内科 ward of na-county-hospital is closed until 1 December"));

        assertThat(page).contains("提交的内容不符合转诊规则，请查看标红的说明。")
                .containsPattern("<span class=\"error\" id=\"err-toDepartment\"[^>]*data-field=\"toDepartment\""
                        + "[^>]*>the 心血管内科 ward of na-county-hospital is closed until 1 December</span>");
    }

    /**
     * The detail page of r-1 as this session's user sees it when referral-service answers with {@code referral} and
     * its history {@link ReferralJson#HISTORY}.
     */
    private String referralPage(String session, String referral) {
        gateway.answer("GET", "/api/referrals/r-1", 200, referral);
        gateway.answer("GET", "/api/referrals/r-1/history", 200, ReferralJson.HISTORY);
        return signedInPage(session, "/referrals/r-1");
    }

    /** A down-referral from the county hospital to 石井 whose continuity plan hands the patient over to this doctor. */
    private static String aDownReferralHandedOverTo(String familyDoctorId) {
        return ReferralJson.with(ReferralJson.SLOT_HELD_UP_REFERRAL, "direction", "\"DOWN\"",
                "fromInstitutionId", "\"na-county-hospital\"", "toInstitutionId", "\"na-shijing-thc\"",
                "continuityPlan", """
                        {"followUps":[{"afterDays":7,"purpose":"复查"}],"longPrescription":null,
                         "handover":{"familyDoctorId":"%s","note":"随访血压"}}""".formatted(familyDoctorId));
    }

    /**
     * The referral form as 石井's doctor sees it again after posting it (diagnosis I21.0, {@code more} fields besides)
     * to {@code uri} ({@code /referrals}, or {@code /referrals?lang=en} in English) and the gateway refusing it with
     * this 422 problem.
     */
    private String formRefused(String uri, String problem, String... more) {
        gateway.answer("POST", "/api/referrals", 422, problem);
        String session = signIn("shijing-gp");
        Matcher csrf = CSRF.matcher(signedInPage(session, "/referrals/new"));
        assertThat(csrf.find()).isTrue();
        return postReferralForm(uri, session, csrf.group(1), "I21.0", more)
                .expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /**
     * Posts the new-referral form as 石井's doctor fills it in for 林秀英 (up, inpatient, 心血管内科, 27 Nov to 3 Dec)
     * with this diagnosis, and {@code more} fields besides (name, value, name, value, …).
     */
    private WebTestClient.ResponseSpec submitReferralForm(String session, String csrf, String diagnosis,
                                                          String... more) {
        return postReferralForm("/referrals", session, csrf, diagnosis, more);
    }

    /** {@link #submitReferralForm} to this address of the form's action ({@code /referrals?lang=en}: in English). */
    private WebTestClient.ResponseSpec postReferralForm(String uri, String session, String csrf, String diagnosis,
                                                        String... more) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("direction", "UP");
        fields.put("patient.name", "林秀英");
        fields.put("patient.idNumber", IDENTITY_NUMBER);
        fields.put("patient.insuredPersonNo", "Y350583002");
        fields.put("patient.insuranceScheme", "EMPLOYEE");
        fields.put("patient.insuranceRegionCode", "350583");
        fields.put("diagnosis.code", diagnosis);
        fields.put("careType", "INPATIENT");
        fields.put("urgency", "ROUTINE");
        fields.put("toDepartment", "心血管内科");
        fields.put("reason", "需要上级医院进一步诊治");
        fields.put("requestedFrom", "2026-11-27");
        fields.put("requestedUntil", "2026-12-03");
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("_csrf", csrf);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            form = form.with(field.getKey(), field.getValue());
        }
        return web.post().uri(uri).cookie("CONSOLE_SESSION", session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange();
    }

    /** Signs in on the development page (with its CSRF token); returns the new session's id. */
    private String signIn(String user) {
        EntityExchangeResult<String> form = web.get().uri("/sign-in").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        String anonymous = form.getResponseCookies().getFirst("CONSOLE_SESSION").getValue();
        Matcher csrf = CSRF.matcher(form.getResponseBody());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        EntityExchangeResult<byte[]> signedIn = web.post().uri("/sign-in").cookie("CONSOLE_SESSION", anonymous)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("user", user).with("_csrf", csrf.group(1)))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult();
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/console/");
        List<String> cookies = signedIn.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
        String cookie = cookies.stream().filter(c -> c.startsWith("CONSOLE_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase()).contains("httponly", "samesite=lax");
        assertThat(cookie).doesNotContain(StubGateway.TOKEN);
        String session = cookie.substring("CONSOLE_SESSION=".length(), cookie.indexOf(';'));
        assertThat(session).as("a new session id after sign-in (no fixation)").isNotEqualTo(anonymous);
        return session;
    }

    /** A list of the page, from its {@code data-test=name} mark to the list's end. */
    private static String section(String page, String name) {
        int start = page.indexOf("data-test=\"" + name + "\"");
        assertThat(start).as("the page shows its %s", name).isNotNegative();
        Matcher end = Pattern.compile("</[uo]l>").matcher(page);
        assertThat(end.find(start)).as("the %s list ends", name).isTrue();
        return page.substring(start, end.start());
    }

    private String page(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    /** The patient of {@link ReferralJson#SLOT_HELD_UP_REFERRAL} (p-5f0c) contracted with this primary institution. */
    private static void contractedWith(String primaryInstitutionId, boolean validToday) {
        gateway.answer("GET", "/api/registry/contracts", 200, """
                {"id":"c-1","patientRef":"p-5f0c","identityNumberMasked":"**************1234",
                 "primaryInstitutionId":"%s","districtHospitalId":null,"cityHospitalId":null,
                 "familyDoctorId":"%s","validFrom":"2025-11-01","validUntil":"%s","active":true,
                 "validToday":%s,"version":1}""".formatted(primaryInstitutionId,
                primaryInstitutionId.replace("-thc", "-gp-1"), validToday ? "2027-11-01" : "2026-11-01", validToday));
    }

    /** The registry's record of an institution, as the gateway answers it. */
    private static void registryKnows(String id, String name, String level, String regionCode) {
        gateway.answer("GET", "/api/registry/institutions/" + id, 200, """
                {"id":"%s","name":"%s","level":"%s","regionCode":"%s"}""".formatted(id, name, level, regionCode));
    }

    private String signedInPage(String session, String path) {
        return web.get().uri(path).cookie("CONSOLE_SESSION", session).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

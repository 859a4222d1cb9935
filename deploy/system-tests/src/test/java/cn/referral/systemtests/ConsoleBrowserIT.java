package cn.referral.systemtests;

import static cn.referral.systemtests.support.DemoNetwork.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.referral.platform.security.Role;
import cn.referral.systemtests.support.Api;
import cn.referral.systemtests.support.Browser;
import cn.referral.systemtests.support.ConsoleStack;
import cn.referral.systemtests.support.DemoNetwork;
import cn.referral.systemtests.support.ReferralRequests;
import cn.referral.systemtests.support.RunningPlatform;
import cn.referral.systemtests.support.SharedPlatform;

/**
 * The web console in a real browser (the system's headless Chromium) against the whole platform:
 * console and gateway from their jars in the local profile, the four services, Kafka and the
 * MongoDB stand-in. People sign in on the development sign-in page and work only through the
 * console's pages. Screenshots of every screen go to {@code target/screenshots}.
 * Where no Chromium is installed the class is skipped with the reason — but never in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Duration PAGE = Duration.ofSeconds(20);

    private RunningPlatform platform;
    private ConsoleStack console;
    private Browser browser;
    private WebDriver web;

    private Api registryAdmin;
    private Api shijingDoctor;
    private Api countyDesk;

    /** The journey's referral up, and its patient (known only to this test and typed into the browser). */
    private String upId;
    private ReferralRequests.Patient patient;

    @BeforeAll
    void start() {
        Optional<String> missing = Browser.unavailable();
        if (missing.isPresent()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must run the browser tests, but " + missing.get());
            }
            System.out.println("ConsoleBrowserIT skipped: " + missing.get());
            Assumptions.abort(missing.get());
        }
        platform = SharedPlatform.platform();
        DemoNetwork.awaitInReferralService(platform);
        console = ConsoleStack.start(platform, SharedPlatform.infrastructure());
        browser = Browser.open(Path.of("target", "screenshots"));
        web = browser.driver();
        registryAdmin = platform.as(Role.REGISTRY_ADMIN, "registry-office");
        shijingDoctor = platform.as(Role.PRIMARY_DOCTOR, DemoNetwork.SHIJING_CENTRE);
        countyDesk = platform.as(Role.REFERRAL_DESK, DemoNetwork.COUNTY_HOSPITAL);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    @Order(1)
    void aReferralGoesUpAndComesBackDownThroughTheConsole() {
        patient = ReferralRequests.aPatientOf(DemoNetwork.NANAN_REGION, "19580214", DemoNetwork.NANAN_REGION);
        registryAdmin.post("/api/registry/contracts", """
                {"identityNumber":"%s","primaryInstitutionId":"%s","familyDoctorId":"%s","validFrom":"%s","validUntil":"%s"}"""
                .formatted(patient.idNumber(), DemoNetwork.SHIJING_CENTRE, DemoNetwork.SHIJING_FAMILY_DOCTOR,
                        today().minusDays(30), today().plusDays(365))).expect(201);

        // The township doctor signs in and refers the patient up to the county hospital.
        web.get(console.url("/"));
        assertThat(web.getCurrentUrl()).as("not signed in: the sign-in page").contains("/console/sign-in");
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("登录（开发环境）");
        assertThat(web.findElement(By.tagName("body")).getText()).contains("南安市石井镇中心卫生院 全科医生",
                "南安市医院 转诊服务中心");
        browser.screenshot("01-sign-in");
        signIn("shijing-gp");
        assertThat(text("[data-test=who]")).contains("石井镇中心卫生院");

        web.get(console.url("/referrals/new"));
        fillUpReferral(patient.idNumber(), "I21.0");
        assertThat(text("[data-test=routes]")).contains("南安市医院", "目录内", "机构级别")
                .as("the registry's reasons in Chinese, not its English and enum names")
                .doesNotContain("ALLIANCE_", "COUNTY_MEDICAL_COMMUNITY", "SECONDARY", "TERTIARY", "level(s)");
        browser.screenshot("02-new-up-referral");
        click("[data-test=submit]");
        upId = currentReferralId();
        awaitState("SLOT_HELD");
        assertThat(web.getPageSource()).as("the identity number is never shown back in full")
                .doesNotContain(patient.idNumber());
        assertThat(text("[data-test=masked-id]")).endsWith(patient.idNumber().substring(14));
        assertThat(text("[data-test=timeline]")).contains("提交转诊", "目录内转诊", "锁定预留号源")
                .as("referral-service's reasons said again in Chinese, not as it writes them")
                .doesNotContain("in catalog", "hold ");
        assertThat(text("[data-test=verdict]")).contains("从基层医疗卫生机构上转至二级医院，符合功能定位",
                        "诊断 I21.0 在目录“")
                .as("the verdict in Chinese, the levels and the catalog named, not referral-service's English "
                        + "explanation")
                .doesNotContain("fits the functional levels", " is in ", "cat-");
        browser.screenshot("03-referral-slot-held");
        web.get(console.url("/referrals"));
        assertThat(row(upId).findElement(By.cssSelector("[data-test=state]")).getText()).isEqualTo("已锁定号源");
        browser.screenshot("04-outgoing-referrals");

        // The county hospital's referral desk accepts it from its worklist, then records the arrival.
        signIn("county-desk");
        assertThat(web.getCurrentUrl()).contains("/console/worklist");
        assertThat(row(upId).getText()).contains("南安市石井镇中心卫生院");
        browser.screenshot("05-desk-worklist");
        row(upId).findElement(By.tagName("a")).click();
        click("[data-test=accept]");
        awaitState("ACCEPTED");
        assertThat(text("[data-test=notice]")).isEqualTo("已完成。");
        assertThat(text("[data-test=timeline]")).as("the appointment the desk chose, in China time")
                .containsPattern("预约 \\d{4}-\\d{2}-\\d{2} 09:00").doesNotContain("appointment");
        browser.screenshot("06-desk-accepted");

        // The insurer sees the deductible decision: no second deductible inside the 医共体.
        signIn("nanan-insurer");
        web.get(console.url("/decisions?referralId=" + upId));
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            web.navigate().refresh();
            return !web.findElements(By.cssSelector("[data-test=rule]")).isEmpty();
        });
        assertThat(text("[data-test=rule]")).isEqualTo("医联体内不再收取二次起付线");
        assertThat(text("[data-test=payable]")).isEqualTo("¥0.00");
        assertThat(text("[data-test=basis]")).isNotBlank();
        assertThat(web.findElements(By.cssSelector("[data-test=decisions] tr[data-referral='" + upId + "']")))
                .as("the day's decisions list it").hasSize(1);
        assertThat(text("[data-test=decisions] tr[data-referral='" + upId + "'] [data-test=route]"))
                .as("its direction and care type in words, not the settlement file's codes").isEqualTo("上转 · 住院");
        String csv = (String) ((JavascriptExecutor) web).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('[data-test=csv]').href).then(r => r.text()).then(done);");
        assertThat(csv).startsWith("line_type,event_time,decision_id,referral_id").contains(upId);
        browser.screenshot("07-insurer-decision");

        signIn("county-desk");
        web.get(console.url("/referrals/" + upId));
        click("[data-test=arrival]");
        awaitState("ARRIVED");

        // The hospital doctor completes the stay and refers the patient back down with a continuity plan.
        signIn("county-doctor");
        web.get(console.url("/referrals/" + upId));
        new Select(web.findElement(By.id("outcome"))).selectByValue("IMPROVED");
        web.findElement(By.id("summary")).sendKeys("PCI 术后病情稳定，建议转回基层康复随访");
        web.findElement(By.id("downReferralRecommended")).click();
        browser.screenshot("08-hospital-completion");
        click("[data-test=complete]");
        awaitState("COMPLETED");
        click("[data-test=refer-down]");
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("转回基层（下转）");
        replace("patient-name", "林秀英");
        web.findElement(By.id("patient-idNumber")).sendKeys(patient.idNumber());
        replace("patient-insuredPersonNo", patient.insuredPersonNo());
        replace("patient-insuranceRegionCode", DemoNetwork.NANAN_REGION);
        web.findElement(By.id("medications")).sendKeys("阿司匹林肠溶片 100mg qd\n阿托伐他汀钙片 20mg qn");
        // the family doctors of the patient's contracted centre, by name; the form posts the one chosen's id
        Select familyDoctor = new Select(web.findElement(By.id("familyDoctor")));
        familyDoctor.selectByValue(DemoNetwork.SHIJING_FAMILY_DOCTOR);
        assertThat(familyDoctor.getFirstSelectedOption().getText()).isEqualTo("黄志明（主治医师）");
        assertThat(text("[data-test=family-doctors-at]")).as("the centre read from the patient's contract")
                .isEqualTo("南安市石井镇中心卫生院（患者签约机构）的家庭医生");
        // what goes down is the after-care diagnosis of the DOWN catalog
        replace("diagnosis-name", "脑梗死后遗症");
        web.findElement(By.id("diagnosis-code")).clear();
        web.findElement(By.id("diagnosis-code")).sendKeys("I69.3", Keys.TAB);
        new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("target-contracted")));
        // another target chosen among the routes: the family-doctor field is drawn again for it, no longer the
        // contracted centre's; back to the contracted centre, its doctors are offered again and one chosen anew
        WebElement another = new WebDriverWait(web, PAGE).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#routes input[name=toInstitutionId]:not(#target-contracted)")));
        another.click();
        String anotherTarget = another.getAttribute("id");
        new WebDriverWait(web, PAGE).ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> at = driver.findElements(By.cssSelector("[data-test=family-doctors-at]"));
            return at.isEmpty() || !at.get(0).getText().contains("患者签约机构");
        });
        // the routes drawn again (the date changed): the target chosen stays chosen, as the doctors offered are its
        ((JavascriptExecutor) web).executeScript(
                "document.getElementById('requestedFrom').dispatchEvent(new Event('change', {bubbles: true}));");
        new WebDriverWait(web, PAGE).until(ExpectedConditions.stalenessOf(another));
        assertThat(new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id(anotherTarget)))
                .isSelected()).as("the route chosen, after the routes were drawn again").isTrue();
        click("#target-contracted");
        new WebDriverWait(web, PAGE).ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElements(By.cssSelector("[data-test=family-doctors-at]")).stream()
                        .anyMatch(at -> at.getText().equals("南安市石井镇中心卫生院（患者签约机构）的家庭医生")));
        new Select(web.findElement(By.id("familyDoctor"))).selectByValue(DemoNetwork.SHIJING_FAMILY_DOCTOR);
        browser.screenshot("09-down-referral-form");
        click("[data-test=submit]");
        String downId = currentReferralId();
        assertThat(downId).isNotEqualTo(upId);
        assertThat(web.findElement(By.id("h-route")).findElement(By.xpath("..")).getText())
                .as("down to the patient's contracted centre").contains("南安市石井镇中心卫生院");
        assertThat(web.findElement(By.id("h-plan")).findElement(By.xpath("..")).getText())
                .contains("阿司匹林肠溶片", "60", "交接家庭医生 黄志明（主治医师）")
                .doesNotContain(DemoNetwork.SHIJING_FAMILY_DOCTOR);
        web.get(console.url("/referrals/" + upId));
        assertThat(text("[data-test=timeline]")).as("the up-referral is linked to the down-referral it continues as")
                .contains("已转回基层", downId.substring(0, 8));
        assertThat(web.findElements(By.cssSelector("[data-test=refer-down]"))).as("referred down once").isEmpty();

        // The township centre's doctor accepts the patient back.
        signIn("shijing-gp");
        web.get(console.url("/worklist"));
        row(downId).findElement(By.tagName("a")).click();
        click("[data-test=accept]");
        awaitState("ACCEPTED");
        browser.screenshot("10-centre-accepted-down-referral");
    }

    @Test
    @Order(2)
    void aValidationErrorIsShownBesideItsFieldAndTheIdentityNumberIsNotShownBack() {
        signIn("shijing-gp");
        web.get(console.url("/referrals/new"));
        String idNumber = ReferralRequests.identityNumber(DemoNetwork.NANAN_REGION, "19661001");
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        WebElement id = web.findElement(By.id("patient-idNumber"));
        id.sendKeys(wrongCheck);
        assertThat(text("#id-live")).as("checked as typed").isEqualTo("身份证号校验位不正确，请核对");
        assertThat(id.getAttribute("aria-invalid")).isEqualTo("true");
        id.clear();

        fillUpReferral(idNumber, "XYZ");
        click("[data-test=submit]");
        new WebDriverWait(web, PAGE).until(ExpectedConditions.urlMatches(".*/console/referrals(/[0-9a-zA-Z-]+)?$"));
        browser.screenshot("11-validation-error");
        List<WebElement> errors = web.findElements(
                By.cssSelector("[data-test=field-error][data-field='diagnosis.code']"));
        assertThat(errors).as("the page after submitting: %s", web.findElement(By.tagName("main")).getText())
                .hasSize(1);
        WebElement error = errors.get(0);
        assertThat(error.getText()).isEqualTo("请填写 ICD-10 编码，例如 I63.9");
        assertThat(web.findElement(By.id("diagnosis-code")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(web.findElement(By.id("diagnosis-code")).getAttribute("aria-describedby"))
                .isEqualTo(error.getAttribute("id"));
        assertThat(text("[data-test=problem]")).isEqualTo("请检查标红的内容后再提交。");
        assertThat(web.findElement(By.id("patient-idNumber")).getAttribute("value")).isEmpty();
        assertThat(web.getPageSource()).doesNotContain(idNumber).contains(idNumber.substring(14));
        assertThat(web.findElement(By.id("patient-name")).getAttribute("value")).as("the rest is kept")
                .isEqualTo("林秀英");
        assertEveryControlHasALabel();
    }

    @Test
    @Order(3)
    void aDeskActingOnAStaleVersionIsToldSomeoneElseChangedItFirst() {
        ReferralRequests.Patient other = ReferralRequests.aPatientOf(DemoNetwork.NANAN_REGION, "19700303",
                DemoNetwork.NANAN_REGION);
        String referral = shijingDoctor.post("/api/referrals", ReferralRequests.anUpReferral(other,
                DemoNetwork.SHIJING_CENTRE, DemoNetwork.COUNTY_HOSPITAL, "心血管内科", "INPATIENT", "I21.0",
                today().plusDays(1), today().plusDays(7), "")).expect(201).get("id").asString();
        await().atMost(PAGE).until(() -> "SLOT_HELD".equals(
                shijingDoctor.get("/api/referrals/" + referral).expect(200).get("state").asString()));

        signIn("county-desk");
        web.get(console.url("/referrals/" + referral));
        assertThat(state()).isEqualTo("SLOT_HELD");
        // Meanwhile a colleague at the same desk accepts it.
        Api.Response seen = countyDesk.get("/api/referrals/" + referral);
        countyDesk.post("/api/referrals/" + referral + "/accept",
                ReferralRequests.anAcceptance(DemoNetwork.morningOf(today().plusDays(1))), seen.header("ETag"))
                .expect(200);

        click("[data-test=accept]");
        assertThat(text("[data-test=problem]")).isEqualTo("其他人已先修改了此转诊，页面已重新加载，请核对后再操作。");
        assertThat(state()).as("the page shows the referral as it is now").isEqualTo("ACCEPTED");
        browser.screenshot("12-stale-if-match");
    }

    @Test
    @Order(4)
    void anotherInstitutionsReferralIsNotReachableByItsUrl() {
        signIn("nanhui-gp");
        web.get(console.url("/referrals/" + upId));
        assertThat(text("[data-test=problem]")).isEqualTo("未找到该记录，或者它不属于您的机构。");
        assertThat(web.findElements(By.cssSelector("[data-test=state]"))).isEmpty();
        assertThat(web.getPageSource()).doesNotContain(patient.idNumber().substring(14)).doesNotContain("林秀英");
        browser.screenshot("13-other-institution-not-found");
    }

    @Test
    @Order(5)
    void chartsEnglishAndAPhoneWidth() {
        signIn("admin");
        web.get(console.url("/kpis"));
        new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-test=chart] svg")));
        assertThat(Long.parseLong(text("[data-test=up-count]"))).as("this run's up-referrals are counted")
                .isPositive();
        browser.screenshot("14-kpis");

        signIn("county-desk");
        web.get(console.url("/reserve?day=" + today().plusDays(1)));
        new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-test=chart] svg")));
        assertThat(web.findElement(By.tagName("main")).getText()).contains("心血管内科");
        browser.screenshot("15-reserve-occupancy");

        web.get(console.url("/worklist?lang=en"));
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("Incoming worklist");
        web.get(console.url("/worklist?lang=zh"));
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("转入工作台");

        browser.width(390, 844);
        try {
            web.get(console.url("/worklist"));
            assertThat(horizontalOverflow()).as("no sideways scrolling on a phone").isFalse();
            browser.screenshot("16-phone-worklist");
            web.get(console.url("/referrals/" + upId));
            assertThat(horizontalOverflow()).isFalse();
            browser.screenshot("17-phone-referral");
        } finally {
            browser.width(1280, 900);
        }
    }

    // ---- steps --------------------------------------------------------------------------------------

    private void signIn(String user) {
        web.manage().deleteAllCookies();
        web.get(console.url("/sign-in"));
        web.findElement(By.id("user-" + user)).click();
        web.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=who]")));
    }

    /** The up-referral form as a township doctor fills it (care type before diagnosis: each reloads the routes). */
    private void fillUpReferral(String idNumber, String diagnosis) {
        web.findElement(By.id("patient-name")).sendKeys("林秀英");
        web.findElement(By.id("patient-idNumber")).sendKeys(idNumber);
        if (idNumber.equals(patient == null ? null : patient.idNumber())) {
            assertThat(text("#id-live")).isEqualTo("身份证号校验通过");
        }
        web.findElement(By.id("patient-insuredPersonNo")).sendKeys("Y350583" + idNumber.substring(14, 17));
        web.findElement(By.id("patient-insuranceRegionCode")).sendKeys(DemoNetwork.NANAN_REGION);
        web.findElement(By.id("patient-phone")).sendKeys("13800000000");
        new Select(web.findElement(By.id("careType"))).selectByValue("INPATIENT");
        new Select(web.findElement(By.id("toDepartment"))).selectByValue("心血管内科");
        web.findElement(By.id("reason")).sendKeys("需要上级医院进一步诊治");
        web.findElement(By.id("clinicalSummary")).sendKeys("基层初步处置后病情需要专科处理");
        // the stay in the township centre's ward so far (连续计算起付线): admitted yesterday, 200 yuan paid
        ((JavascriptExecutor) web).executeScript("arguments[0].value = arguments[1];",
                web.findElement(By.id("episode-admission")), today().minusDays(1).toString());
        web.findElement(By.id("episode-paid")).sendKeys("200");
        // One day, the same for the wanted window and the day the patient leaves the township ward: the hold
        // lands on it, and the desk's appointment defaults to it, so the stays join (同一次住院). A day no other
        // system test asks for, so its reserve is free whatever ran before on the same stack.
        for (String field : List.of("requestedFrom", "requestedUntil", "episode-discharged")) {
            ((JavascriptExecutor) web).executeScript("arguments[0].value = arguments[1];",
                    web.findElement(By.id(field)), today().plusDays(12).toString());
        }
        web.findElement(By.id("diagnosis-code")).sendKeys(diagnosis, Keys.TAB);
        if (!"XYZ".equals(diagnosis)) {
            new WebDriverWait(web, PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.id("target-" + DemoNetwork.COUNTY_HOSPITAL))).click();
        }
    }

    private void awaitState(String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (expected.equals(state())) {
                return true;
            }
            web.navigate().refresh();
            return expected.equals(state());
        });
    }

    private String state() {
        List<WebElement> badge = web.findElements(By.cssSelector("h1 [data-test=state]"));
        return badge.isEmpty() ? null : badge.get(0).getAttribute("data-state");
    }

    private String currentReferralId() {
        new WebDriverWait(web, PAGE).until(ExpectedConditions.urlMatches("/console/referrals/[0-9a-zA-Z-]+$"));
        String url = web.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private WebElement row(String referralId) {
        return new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-referral='" + referralId + "']")));
    }

    private void click(String css) {
        new WebDriverWait(web, PAGE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private String text(String css) {
        return new WebDriverWait(web, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getText();
    }

    private void replace(String id, String value) {
        WebElement input = web.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private boolean horizontalOverflow() {
        return (Boolean) ((JavascriptExecutor) web).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** Every visible control is named by a label, and reachable with the keyboard (no negative tabindex). */
    private void assertEveryControlHasALabel() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) web).executeScript("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                  .filter(c => c.labels.length === 0 || c.tabIndex < 0).map(c => c.name || c.id);""");
        assertThat(unlabelled).isEmpty();
    }
}

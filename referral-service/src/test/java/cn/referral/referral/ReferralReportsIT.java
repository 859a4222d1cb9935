package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;
import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.out.PatientDataProtection;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.policy.AcceptanceDeadlines;
import cn.referral.referral.domain.policy.DownReferralToPrimaryCare;
import cn.referral.referral.domain.policy.NoShowRule;
import cn.referral.referral.domain.referral.Actor;
import cn.referral.referral.domain.referral.ActorRole;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.DateWindow;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.FollowUp;
import cn.referral.referral.domain.referral.Gender;
import cn.referral.referral.domain.referral.InsuranceScheme;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralPath;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.ReferralScope;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.Urgency;
import cn.referral.referral.support.ReferralItSupport;
import tools.jackson.databind.JsonNode;

/**
 * The KPI aggregations ({@code $match}, {@code $group}) on the MongoDB stand-in, through {@code GET /kpis}.
 * Referrals are stored through the real store at chosen times (earlier years included), each test in
 * its own institutions and Hainan (46) region codes, so nothing else the suite stores is counted.
 */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
class ReferralReportsIT extends ReferralItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** One identity number (so one pseudonym) per named test person. */
    private static final Map<String, Integer> PERSONS = new ConcurrentHashMap<>();
    private static final NoShowRule NO_SHOW = new NoShowRule(NoShowRule.DEFAULT_GRACE);

    @Autowired
    private ReferralStore store;
    @Autowired
    private PatientDataProtection protection;

    private final String admin = token(Role.REGISTRY_ADMIN, null);

    @Test
    void downReferralGrowthCountsDistinctPersonsSentFromHospitalsToPrimaryOrChronicCarePerYear() {
        String tag = "g" + SEQUENCE.incrementAndGet();
        Institution hospital = new Institution(new InstitutionId(tag + "-hospital"), "海口市人民医院", InstitutionLevel.TERTIARY, "460106",
                true, 1, List.of(), "GENERAL_HOSPITAL");
        Institution centre = new Institution(new InstitutionId(tag + "-centre"), "秀英区社区卫生服务中心", InstitutionLevel.PRIMARY, "460105",
                true, 1, List.of(), "COMMUNITY_HEALTH_CENTRE");
        Institution rehab = new Institution(new InstitutionId(tag + "-rehab"), "海口康复医院", InstitutionLevel.SECONDARY, "460106", true,
                1, List.of(), "REHABILITATION");
        Institution countyHospital = new Institution(new InstitutionId(tag + "-county"), "县医院", InstitutionLevel.SECONDARY, "469021",
                true, 1, List.of(), "GENERAL_HOSPITAL");
        int previousYear = today().getYear() - 2;
        int year = today().getYear() - 1;
        // the year before: 10 persons, one of them sent down twice
        for (int person = 0; person < 10; person++) {
            accepted(down(hospital, centre, tag + "-p" + person, "I63.9", midYear(previousYear)));
        }
        accepted(down(hospital, rehab, tag + "-p0", "I63.9", midYear(previousYear).plus(Duration.ofDays(30))));
        // the year: 11 persons (10 % more), 6 to the centre and 5 to the rehabilitation hospital
        for (int person = 0; person < 11; person++) {
            accepted(down(hospital, person < 6 ? centre : rehab, tag + "-q" + person, "E11.9", midYear(year)));
        }
        // not counted: not accepted, to a general hospital, or an up-referral
        store(down(hospital, centre, tag + "-x1", "E11.9", midYear(year)));
        rejected(down(hospital, centre, tag + "-x2", "E11.9", midYear(year)));
        accepted(down(hospital, countyHospital, tag + "-x3", "E11.9", midYear(year)));
        accepted(up(centre, hospital, tag + "-x4", "I63.9", midYear(year)));

        JsonNode kpis = kpis("from=" + year + "-01-01&to=" + year + "-12-31&institutionId=" + hospital.id().value(),
                admin);

        JsonNode growth = kpis.get("downReferralGrowth");
        assertThat(growth).hasSize(1);
        assertThat(growth.get(0).get("year").asInt()).isEqualTo(year);
        assertThat(growth.get(0).get("persons").asLong()).isEqualTo(11);
        assertThat(growth.get(0).get("previousYearPersons").asLong()).isEqualTo(10);
        assertThat(growth.get(0).get("growth").asDouble()).isCloseTo(0.10, within(1e-9));
        assertThat(growth.get(0).get("wholeYear").asBoolean()).isTrue();
        assertThat(growth.get(0).get("targetMet").asBoolean()).isTrue();
        assertThat(kpis.get("downReferralGrowthTarget").asDouble()).isEqualTo(0.10);

        JsonNode running = kpis("from=" + today().getYear() + "-01-01&to=" + today() + "&institutionId="
                + hospital.id().value(), admin).get("downReferralGrowth").get(0);
        assertThat(running.get("previousYearPersons").asLong()).isEqualTo(11);
        assertThat(running.get("wholeYear").asBoolean()).isFalse();
        assertThat(running.get("targetMet").isNull()).as("the running year is not judged").isTrue();

        // 双向转诊比例 counts accepted referrals: 11 + 1 (to the county hospital) down, 1 up
        assertThat(kpis.get("downCount").asLong()).isEqualTo(14);
        assertThat(kpis.get("twoWayReferral").get("acceptedDown").asLong()).isEqualTo(12);
        assertThat(kpis.get("twoWayReferral").get("acceptedUp").asLong()).isEqualTo(1);
        assertThat(kpis.get("twoWayReferral").get("downToUpRatio").asDouble()).isEqualTo(12.0);
    }

    @Test
    void diagnosesAreRankedByOutOfCountyRateAndTheMedianTimeToAcceptIsTheMiddleOne() {
        String tag = "d" + SEQUENCE.incrementAndGet();
        Institution hospital = new Institution(new InstitutionId(tag + "-hospital"), "海南省人民医院", InstitutionLevel.TERTIARY, "460106",
                true, 1, List.of(), "GENERAL_HOSPITAL");
        Institution sameCounty = new Institution(new InstitutionId(tag + "-a"), "同区卫生院", InstitutionLevel.PRIMARY, "460106", true, 1,
                List.of(), "TOWNSHIP_HEALTH_CENTRE");
        Institution otherDistrict = new Institution(new InstitutionId(tag + "-b"), "邻区卫生院", InstitutionLevel.PRIMARY, "460105", true,
                1, List.of(), "TOWNSHIP_HEALTH_CENTRE");
        Institution otherProvince = new Institution(new InstitutionId(tag + "-c"), "外省卫生院", InstitutionLevel.PRIMARY, "440106", true,
                1, List.of(), "COMMUNITY_HEALTH_CENTRE");
        Instant day = today().atStartOfDay(CHINA).toInstant().minus(Duration.ofDays(3));
        for (int i = 0; i < 3; i++) {
            store(up(sameCounty, hospital, tag + "-i63-" + i, "I63.9", day));
        }
        store(up(otherDistrict, hospital, tag + "-i63-x", "I63.0", day));                 // I63: 1 of 4 out
        store(up(otherProvince, hospital, tag + "-c34-1", "C34.1", day));                 // C34: 2 of 2 out
        store(up(otherProvince, hospital, tag + "-c34-2", "C34.9", day));
        store(up(otherDistrict, hospital, tag + "-i21", "I21.0", day));                   // I21: 1 of 1 out
        store(up(sameCounty, hospital, tag + "-e11-1", "E11.9", day));                    // E11: none out
        acceptedAfter(up(sameCounty, hospital, tag + "-e11-2", "E11.9", day), Duration.ofHours(1));
        acceptedAfter(up(sameCounty, hospital, tag + "-e11-3", "E11.9", day), Duration.ofHours(5));
        acceptedAfter(up(sameCounty, hospital, tag + "-e11-4", "E11.9", day), Duration.ofHours(3));

        JsonNode kpis = kpis("from=" + today().minusDays(10) + "&to=" + today() + "&institutionId="
                + hospital.id().value(), admin);

        JsonNode top = kpis.get("topOutOfCountyDiagnoses");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("diagnosisCategory").asString()).isEqualTo("C34");
        assertThat(top.get(0).get("outOfCountyRate").asDouble()).isEqualTo(1.0);
        assertThat(top.get(1).get("diagnosisCategory").asString()).isEqualTo("I21");
        assertThat(top.get(2).get("diagnosisCategory").asString()).isEqualTo("I63");
        assertThat(top.get(2).get("referrals").asLong()).isEqualTo(4);
        assertThat(top.get(2).get("outOfCounty").asLong()).isEqualTo(1);
        assertThat(top.get(2).get("outOfCountyRate").asDouble()).isEqualTo(0.25);
        assertThat(kpis.get("upCount").asLong()).isEqualTo(11);
        assertThat(kpis.get("medianSecondsToAccept").asLong()).isEqualTo(Duration.ofHours(3).toSeconds());
        assertThat(kpis.get("acceptanceRate").asDouble()).isEqualTo(1.0);

        // an insurer of the region reads it by region; one of another region may not
        JsonNode byRegion = kpis("from=" + today().minusDays(10) + "&to=" + today() + "&regionCode=460106",
                TestTokens.insurer("460100"));
        assertThat(byRegion.get("scope").get("regionPrefix").asString()).isEqualTo("460106");
        assertThat(byRegion.get("upCount").asLong()).as("every up-referral to the hospital in 460106")
                .isGreaterThanOrEqualTo(11);
        assertThat(status("from=" + today().minusDays(10) + "&to=" + today() + "&regionCode=460106",
                TestTokens.insurer("350583"))).isEqualTo(403);
    }

    @Test
    void eachRoleReadsOnlyTheScopeItMay() {
        String period = "from=" + today().minusDays(30) + "&to=" + today();

        JsonNode own = kpis(period, countyDoctor);
        assertThat(own.get("scope").get("institutionId").asString()).isEqualTo(COUNTY_HOSPITAL);
        assertThat(kpis(period + "&institutionId=" + COUNTY_HOSPITAL, token(Role.REFERRAL_DESK, COUNTY_HOSPITAL))
                .get("scope").get("institutionId").asString()).isEqualTo(COUNTY_HOSPITAL);
        assertThat(status(period + "&institutionId=" + CITY_HOSPITAL, countyDoctor)).isEqualTo(403);
        assertThat(status(period + "&allianceId=" + NAN_AN_COMMUNITY, countyDoctor)).isEqualTo(403);
        assertThat(status(period + "&regionCode=350583", countyDoctor)).isEqualTo(403);
        assertThat(status(period, token(Role.PRIMARY_DOCTOR, null))).as("staff of no institution").isEqualTo(403);

        assertThat(kpis(period, TestTokens.insurer("350583")).get("scope").get("regionPrefix").asString())
                .isEqualTo("350583");
        assertThat(kpis(period + "&regionCode=350500", TestTokens.insurer("350000")).get("scope")
                .get("regionPrefix").asString()).isEqualTo("3505");
        assertThat(status(period + "&regionCode=350000", TestTokens.insurer("350583"))).as("wider than its own")
                .isEqualTo(403);
        assertThat(status(period + "&institutionId=" + COUNTY_HOSPITAL, TestTokens.insurer("350583"))).isEqualTo(403);
        assertThat(status(period, TestTokens.token("insurer-without-region", null, null, Role.INSURER))).isEqualTo(403);

        assertThat(kpis(period + "&allianceId=" + NAN_AN_COMMUNITY, token(Role.AUDITOR, null)).get("scope")
                .get("allianceId").asString()).isEqualTo(NAN_AN_COMMUNITY);
        assertThat(kpis(period, admin).get("scope").get("institutionId").isNull()).isTrue();
        assertThat(status(period + "&allianceId=no-such-alliance", admin)).isEqualTo(404);
    }

    @Test
    void datesOutOfRangeOrOutOfOrderAreA400NamingTheParameter() {
        assertThat(field("from=-999999999-01-01&to=2026-01-01")).isEqualTo("from");
        assertThat(field("from=2026-01-01&to=%2B999999999-12-31")).isEqualTo("to");
        assertThat(field("from=1999-12-31&to=2026-01-01")).isEqualTo("from");
        assertThat(field("from=2026-02-01&to=2026-01-01")).isEqualTo("to");
        assertThat(field("from=2010-01-01&to=2020-01-01")).as("ten years and a day").isEqualTo("to");
        assertThat(status("from=2010-01-02&to=2020-01-01", admin)).as("just under ten years").isEqualTo(200);
        assertThat(field("from=yesterday&to=2026-01-01")).isEqualTo("from");
        assertThat(field("from=2026-01-01&to=2026-01-31&regionCode=35")).isEqualTo("regionCode");
        assertThat(field("from=2026-01-01&to=2026-01-31&regionCode=350583&institutionId=x")).isEqualTo("regionCode");
        EntityExchangeResult<String> missing = get("/kpis?to=2026-01-01", admin);
        assertThat(missing.getStatus().value()).isEqualTo(400);
        assertThat(missing.getResponseBody()).doesNotContain("java.", "Exception");
    }

    // ---- helpers

    private JsonNode kpis(String query, String token) {
        EntityExchangeResult<String> result = get("/kpis?" + query, token);
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
        return json(result);
    }

    private int status(String query, String token) {
        return get("/kpis?" + query, token).getStatus().value();
    }

    private String field(String query) {
        EntityExchangeResult<String> result = get("/kpis?" + query, admin);
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(400);
        return json(result).get("errors").get(0).get("field").asString();
    }

    private static Instant midYear(int year) {
        return LocalDate.of(year, 6, 15).atStartOfDay(CHINA).toInstant();
    }

    private Outcome<Referral> up(Institution from, Institution to, String person, String diagnosis, Instant at) {
        return submitted(Direction.UP, from, to, person, diagnosis, at);
    }

    private Outcome<Referral> down(Institution from, Institution to, String person, String diagnosis, Instant at) {
        return submitted(Direction.DOWN, from, to, person, diagnosis, at);
    }

    /** A referral as ReferralService submits it, with its path fixed from the two institutions. */
    private Outcome<Referral> submitted(Direction direction, Institution from, Institution to, String person,
                                        String diagnosis, Instant at) {
        PatientDetails details = new PatientDetails("患者", Gender.MALE, LocalDate.of(1960, 1, 1),
                idNumber(PERSONS.computeIfAbsent(person, p -> 5_000_000 + PERSONS.size())), "4601050012345",
                InsuranceScheme.RESIDENT, "460105", null);
        LocalDate day = LocalDate.ofInstant(at, CHINA);
        ReferralId id = new ReferralId("kpi-" + person + "-" + SEQUENCE.incrementAndGet());
        ReferralRequest request = new ReferralRequest(direction, CareType.OUTPATIENT, Urgency.ROUTINE,
                protection.protect(id, details), new Diagnosis(diagnosis, null), "随访", null, List.of(), from.id(), null,
                to.id(), direction == Direction.UP ? "内科" : null, new DateWindow(day, day.plusDays(14)), null,
                direction == Direction.DOWN ? new ContinuityPlan(List.of(new FollowUp(14, "复诊")), null, null) : null,
                null);
        ReferralPath path = new ReferralPath(from.regionCode(), to.regionCode(), from.level().name(),
                to.level().name(), ReferralScope.between(from.regionCode(), to.regionCode()),
                DownReferralToPrimaryCare.counts(from, to));
        Actor doctor = new Actor("dr-" + from.id().value(), direction == Direction.UP ? ActorRole.PRIMARY_DOCTOR
                : ActorRole.HOSPITAL_DOCTOR, from.id());
        return Referral.submit(id, request,
                new Eligibility(true, "c", diagnosis.substring(0, 3), null, false, List.of()), false, path, doctor, at,
                AcceptanceDeadlines.defaults());
    }

    private Referral store(Outcome<Referral> submitted) {
        return store.insert(submitted).block(Duration.ofSeconds(10));
    }

    private void accepted(Outcome<Referral> submitted) {
        acceptedAfter(submitted, Duration.ofHours(2));
    }

    private void acceptedAfter(Outcome<Referral> submitted, Duration after) {
        Referral referral = store(submitted);
        Instant at = referral.submittedAt().plus(after);
        Actor desk = new Actor("desk", ActorRole.REFERRAL_DESK, referral.toInstitutionId());
        store.update(referral.accept(NO_SHOW.appointmentAt(at.plus(Duration.ofDays(1))), desk, at), referral.version())
                .block(Duration.ofSeconds(10));
    }

    private void rejected(Outcome<Referral> submitted) {
        Referral referral = store(submitted);
        Actor desk = new Actor("desk", ActorRole.REFERRAL_DESK, referral.toInstitutionId());
        store.update(referral.reject(RejectReason.values()[0], null, desk, referral.submittedAt().plusSeconds(60)),
                referral.version()).block(Duration.ofSeconds(10));
    }
}

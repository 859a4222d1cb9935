package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.application.port.in.UpReferralLinkUseCases;
import cn.referral.referral.support.ReferralItSupport;
import tools.jackson.databind.JsonNode;

/**
 * The closed loop (seed 002: 跟踪转诊患者治疗过程，做好接续服务): the family doctor's institution follows its
 * contracted patient's referrals made elsewhere (audited, read only); a completion recommending the way
 * back down waits on the hospital's list until the down-referral is made, and the two referrals name
 * each other.
 */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
class ClosedLoopIT extends ReferralItSupport {

    private final String familyDoctor = token(Role.PRIMARY_DOCTOR, NANHUI_CENTRE);
    private final String otherCentreDoctor = token(Role.PRIMARY_DOCTOR, SHIJING_CENTRE);

    @Autowired
    private UpReferralLinkUseCases upLinks;

    @Test
    void theFamilyDoctorFollowsTheContractedPatientReferredByAnotherInstitution() {
        String patient = idNumber(700);
        contract(patient, NANHUI_CENTRE);
        String up = submitted(countyDoctor, upReferral(patient, COUNTY_HOSPITAL, CITY_HOSPITAL, "URGENT"));
        String notContracted = submitted(countyDoctor, upReferral(idNumber(701), COUNTY_HOSPITAL, CITY_HOSPITAL,
                "ROUTINE"));

        JsonNode list = json(get("/worklists/contracted?size=100", familyDoctor));
        assertThat(ids(list)).contains(up).doesNotContain(notContracted);
        assertThat(list.toString()).doesNotContain("林秀英");
        assertThat(ids(json(get("/worklists/contracted?size=100", otherCentreDoctor)))).doesNotContain(up);
        assertThat(ids(json(get("/worklists/contracted?state=COMPLETED&size=100", familyDoctor))))
                .as("filtered by state").doesNotContain(up);

        JsonNode seen = referral(up, familyDoctor);
        assertThat(seen.get("fromInstitutionId").asString()).isEqualTo(COUNTY_HOSPITAL);
        assertThat(seen.get("allowedActions")).as("follows, does not act").isEmpty();
        assertThat(act(up, "cancel", familyDoctor, "\"1\"", Map.of("reasonCode", "PATIENT_DECLINED")).getStatus()
                .value()).isEqualTo(403);
        assertThat(get("/referrals/" + up, otherCentreDoctor).getStatus().value()).isEqualTo(404);
        assertThat(get("/referrals/" + notContracted, familyDoctor).getStatus().value()).isEqualTo(404);
        assertThat(get("/worklists/contracted", cityDoctor).getStatus().value())
                .as("the list is the primary doctors'").isEqualTo(403);

        List<String> audited = new ArrayList<>();
        json(get("/audit?referralId=" + up, auditor)).forEach(record -> audited.add(record.get("action").asString()
                + "/" + record.get("institutionId").asString()));
        assertThat(audited).contains("LIST_AS_FAMILY_DOCTOR/" + NANHUI_CENTRE, "READ_AS_FAMILY_DOCTOR/" + NANHUI_CENTRE);
    }

    @Test
    void aRecommendationToGoBackDownWaitsOnTheHospitalsListUntilTheDownReferralNamesTheUpReferral() {
        String patient = idNumber(710);
        contract(patient, NANHUI_CENTRE);
        String up = submitted(familyDoctor, upReferral(patient, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        assertThat(referral(up, familyDoctor).get("scope").asString()).as("both in 330302").isEqualTo("IN_COUNTY");
        complete(up, true);

        JsonNode due = json(get("/worklists/down-referrals-due?size=100", cityDoctor));
        assertThat(ids(due)).contains(up);
        assertThat(ids(json(get("/worklists/down-referrals-due?size=100", cityDesk)))).contains(up);
        assertThat(ids(json(get("/worklists/down-referrals-due?size=100", countyDoctor)))).doesNotContain(up);
        assertThat(referral(up, cityDoctor).get("loop").get("downReferralPending").asBoolean()).isTrue();

        EntityExchangeResult<String> created = submit(cityDoctor, downFrom(up, patient), null);
        assertThat(created.getStatus().value()).as(created.getResponseBody()).isEqualTo(201);
        String down = json(created).get("id").asString();
        assertThat(json(created).get("loop").get("upReferralId").asString()).isEqualTo(up);
        assertThat(json(created).get("toInstitutionId").asString()).isEqualTo(NANHUI_CENTRE);

        JsonNode upNow = referral(up, cityDoctor);
        assertThat(upNow.get("loop").get("downReferralId").asString()).isEqualTo(down);
        assertThat(upNow.get("loop").get("downReferralPending").asBoolean()).isFalse();
        assertThat(referral(up, familyDoctor).get("loop").get("downReferralId").asString())
                .as("the referring centre follows the loop from its end").isEqualTo(down);
        assertThat(referral(down, familyDoctor).get("loop").get("upReferralId").asString()).isEqualTo(up);
        assertThat(ids(json(get("/worklists/down-referrals-due?size=100", cityDoctor)))).doesNotContain(up);

        assertThat(upLinkPending(down)).as("the submission made the link and settled its mark").isFalse();

        EntityExchangeResult<String> again = submit(cityDoctor, downFrom(up, patient), null);
        assertThat(again.getStatus().value()).isEqualTo(422);
        assertThat(json(again).get("code").asString()).isEqualTo("no-down-referral-pending");
        assertThat(json(again).get("errors").get(0).get("field").asString()).isEqualTo("upReferralId");
    }

    /**
     * The link is a second write after the down-referral's insert (no transactions, DESIGN §6). A process
     * dying between the two leaves the down-referral's mark, and the repair job makes the link: the
     * up-referral does not stay on the hospital's list.
     */
    @Test
    void aLinkLeftUnmadeByACrashIsMadeByTheRepairJob() {
        String patient = idNumber(730);
        String up = submitted(familyDoctor, upReferral(patient, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        complete(up, true);
        String down = submitted(cityDoctor, downFrom(up, patient));
        // what a crash right after the insert leaves: the down-referral marked, the up-referral not naming it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(up)), new Update().unset("downReferralId"), "referrals")
                .block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(down)), new Update().set("upLinkPending", true),
                "referrals").block();
        assertThat(ids(json(get("/worklists/down-referrals-due?size=100", cityDoctor)))).contains(up);

        assertThat(upLinks.linkPending().block()).as("left to the submission for the grace period").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(upLinks.linkPending().block()).isGreaterThanOrEqualTo(1);

        assertThat(referral(up, cityDoctor).get("loop").get("downReferralId").asString()).isEqualTo(down);
        assertThat(ids(json(get("/worklists/down-referrals-due?size=100", cityDoctor)))).doesNotContain(up);
        assertThat(upLinkPending(down)).isFalse();
        long version = referral(up, cityDoctor).get("version").asLong();
        upLinks.linkPending().block();
        assertThat(referral(up, cityDoctor).get("version").asLong()).as("nothing left to repair").isEqualTo(version);
    }

    @Test
    void aDownReferralCanOnlyContinueThisPatientsCompletedUpReferralToTheSameHospital() {
        String patient = idNumber(720);
        String up = submitted(familyDoctor, upReferral(patient, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        assertThat(code(submit(cityDoctor, downFrom(up, patient), null))).as("not completed yet")
                .isEqualTo("no-down-referral-pending");

        String notRecommended = submitted(familyDoctor, upReferral(idNumber(721), NANHUI_CENTRE, CITY_HOSPITAL,
                "ROUTINE"));
        complete(notRecommended, false);
        assertThat(code(submit(cityDoctor, downFrom(notRecommended, idNumber(721)), null)))
                .isEqualTo("no-down-referral-pending");
        assertThat(ids(json(get("/worklists/down-referrals-due?size=100", cityDoctor)))).doesNotContain(notRecommended);

        String recommended = submitted(familyDoctor, upReferral(idNumber(722), NANHUI_CENTRE, CITY_HOSPITAL,
                "ROUTINE"));
        complete(recommended, true);
        assertThat(code(submit(cityDoctor, downFrom(recommended, idNumber(723)), null))).as("another patient")
                .isEqualTo("up-referral-mismatch");
        assertThat(code(submit(cityDoctor, downFrom("no-such-referral", patient), null)))
                .isEqualTo("unknown-up-referral");
        Map<String, Object> upWithLink = upReferral(idNumber(722), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        upWithLink.put("upReferralId", recommended);
        assertThat(code(submit(familyDoctor, upWithLink, null))).isEqualTo("up-referral-link-down-only");
    }

    @Test
    void aWorklistPageBeyondTenThousandItemsIsA400NamingPage() {
        for (String list : List.of("incoming", "outgoing", "contracted", "down-referrals-due")) {
            EntityExchangeResult<String> huge = get("/worklists/" + list + "?page=2147483647&size=100", familyDoctor);
            assertThat(huge.getStatus().value()).as(list).isEqualTo(400);
            assertThat(json(huge).get("errors").get(0).get("field").asString()).isEqualTo("page");
        }
        assertThat(get("/worklists/incoming?page=99&size=100", familyDoctor).getStatus().value()).isEqualTo(200);
        assertThat(get("/worklists/incoming?page=100&size=100", familyDoctor).getStatus().value()).isEqualTo(400);
    }

    // ---- helpers

    private boolean upLinkPending(String down) {
        return Boolean.TRUE.equals(mongo.exists(Query.query(Criteria.where("_id").is(down).and("upLinkPending")
                .exists(true)), "referrals").block());
    }

    /** Accepted, arrived and completed at the city hospital, recommending the way back down or not. */
    private void complete(String up, boolean downRecommended) {
        String appointment = clock.instant().plus(Duration.ofHours(1)).toString();
        assertThat(act(up, "accept", cityDesk, etag(up, cityDesk), Map.of("appointmentAt", appointment))
                .getStatus().value()).isEqualTo(200);
        assertThat(act(up, "arrival", cityDesk, etag(up, cityDesk), null).getStatus().value()).isEqualTo(200);
        assertThat(act(up, "completion", cityDoctor, etag(up, cityDoctor), Map.of("outcome", "IMPROVED",
                "summary", "病情稳定", "downReferralRecommended", downRecommended)).getStatus().value()).isEqualTo(200);
    }

    private Map<String, Object> downFrom(String up, String patient) {
        Map<String, Object> down = upReferral(patient, CITY_HOSPITAL, null, "ROUTINE");
        down.put("direction", "DOWN");
        down.remove("toInstitutionId");
        down.put("toInstitutionId", NANHUI_CENTRE);
        down.put("fromDepartment", "神经内科");
        down.put("toDepartment", "全科");
        down.put("reason", "脑梗死恢复期, 下转社区康复");
        down.put("continuityPlan", Map.of("followUps", List.of(Map.of("afterDays", 14, "purpose", "神经功能评估"))));
        down.put("upReferralId", up);
        return down;
    }

    private static String code(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(422);
        return json(result).get("code").asString();
    }
}

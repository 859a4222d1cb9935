package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.support.ReferralItSupport;

/**
 * Issue 13 item 6, the desks' worklists. Seed 001: "对经基层医生转诊的签约患者提供优先接诊" — where the receiving
 * institution's region is listed (here Wenzhou, 330300, standing in for a seed-001 region), a contracted
 * patient referred by their own primary institution is listed ahead of earlier referrals of the same
 * urgency; elsewhere (Nan'an, seed 002) the desk sees submission order within an urgency.
 */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = "referral.contracted-first-reception-regions=330300")
class ContractedFirstWorklistIT extends ReferralItSupport {

    private final String nanhuiDoctor = token(Role.PRIMARY_DOCTOR, NANHUI_CENTRE);

    @Test
    void atAListedRegionTheContractedPatientOfTheReferringCentreIsReceivedFirstWithinItsUrgency() {
        String contractedHere = idNumber(951);
        String contractedElsewhere = idNumber(952);
        contract(contractedHere, NANHUI_CENTRE);
        contract(contractedElsewhere, SHIJING_CENTRE);
        List<String> ids = new ArrayList<>();
        ids.add(referred(nanhuiDoctor, idNumber(950), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        ids.add(referred(nanhuiDoctor, contractedElsewhere, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        ids.add(referred(nanhuiDoctor, contractedHere, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"));
        ids.add(referred(nanhuiDoctor, idNumber(953), NANHUI_CENTRE, CITY_HOSPITAL, "URGENT"));

        assertThat(incomingOrder(cityDesk, ids))
                .as("urgency first; within ROUTINE the centre's own contracted patient, then submission order")
                .containsExactly(ids.get(3), ids.get(2), ids.get(0), ids.get(1));
        assertThat(incomingOrder(cityDesk, ids.subList(0, 3), "&urgency=ROUTINE&size=1&page=0"))
                .as("the first page of ROUTINE starts with it").containsExactly(ids.get(2));
    }

    @Test
    void atAnUnlistedRegionSubmissionOrderHoldsWithinAnUrgency() {
        String contracted = idNumber(961);
        contract(contracted, SHIJING_CENTRE);
        List<String> ids = new ArrayList<>();
        ids.add(referred(shijingDoctor, idNumber(960), SHIJING_CENTRE, COUNTY_HOSPITAL, "ROUTINE"));
        ids.add(referred(shijingDoctor, contracted, SHIJING_CENTRE, COUNTY_HOSPITAL, "ROUTINE"));

        assertThat(incomingOrder(countyDesk, ids)).as("Nan'an: first come, first listed")
                .containsExactly(ids.get(0), ids.get(1));
    }

    private String referred(String doctor, String patient, String from, String to, String urgency) {
        String id = submitted(doctor, upReferral(patient, from, to, urgency));
        clock.advance(Duration.ofSeconds(30));
        return id;
    }

    private List<String> incomingOrder(String desk, List<String> ids) {
        return incomingOrder(desk, ids, "&size=100");
    }

    /** The given referrals in the order the desk's incoming worklist lists them. */
    private List<String> incomingOrder(String desk, List<String> ids, String query) {
        return inPageOrder(json(get("/worklists/incoming?state=SUBMITTED" + query, desk)), ids);
    }
}

package cn.referral.registry.domain.policy;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.NANAN;
import static cn.referral.registry.domain.Fixtures.OUHAI;
import static cn.referral.registry.domain.Fixtures.TODAY;
import static cn.referral.registry.domain.Fixtures.aCatalog;
import static cn.referral.registry.domain.Fixtures.aCell;
import static cn.referral.registry.domain.Fixtures.aCityHospital;
import static cn.referral.registry.domain.Fixtures.aCommunityCentre;
import static cn.referral.registry.domain.Fixtures.aDistrictHospital;
import static cn.referral.registry.domain.Fixtures.aSpecialtyAlliance;
import static cn.referral.registry.domain.Fixtures.anUrbanGroup;
import static cn.referral.registry.domain.Fixtures.entry;
import static cn.referral.registry.domain.Fixtures.institution;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.AllianceId;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionKind;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.institution.RegionCode;
import cn.referral.registry.domain.route.RouteQuestion;
import cn.referral.registry.domain.route.RouteSuggestion;
import cn.referral.registry.domain.route.RouteTier;

class RouteRankingTest {

    private final Institution guanghuaCentre = aCommunityCentre("wz-lucheng-guanghua-chc");
    private final Institution wuTianCentre = aCommunityCentre("wz-ouhai-wutian-chc");
    private final Institution centralHospital = aCityHospital("wz-central-hospital");
    private final Institution luchengPeoples = aDistrictHospital("wz-lucheng-peoples-hospital");
    private final Institution memberDistrictHospital = aDistrictHospital("wz-member-district-hospital");
    private final Institution peoplesHospital = aCityHospital("wz-peoples-hospital");
    private final Institution ouhaiDistrictHospital = institution("wz-ouhai-district-hospital",
            InstitutionLevel.SECONDARY, InstitutionKind.GENERAL_HOSPITAL, OUHAI);
    private final Institution nananHospital = institution("na-county-hospital", InstitutionLevel.SECONDARY,
            InstitutionKind.GENERAL_HOSPITAL, NANAN);
    private final Institution closedHospital = aCityHospital("wz-closed-hospital").deactivate(NOW).state();

    private final Alliance centralGroup = Alliance.form(new AllianceId("wz-urban-group-central"),
            new AllianceDetails("温州市中心医院城市医疗集团",
                    AllianceType.URBAN_MEDICAL_GROUP,
                    new RegionCode("330300"), List.of(centralHospital.id()),
                    luchengPeoples.id(), List.of(memberDistrictHospital.id(), closedHospital.id()),
                    List.of(aCell("鹿城区", "广化", guanghuaCentre.id().value()),
                            aCell("瓯海区", "梧田", wuTianCentre.id().value()))), NOW)
            .state();
    private final Alliance cardiology = aSpecialtyAlliance("wz-cardiology", peoplesHospital.id().value(),
            guanghuaCentre.id().value());

    private final DiseaseCatalog upToTertiary = aCatalog("up-3", ReferralDirection.UP, InstitutionLevel.TERTIARY,
            TODAY.minusYears(1), entry("I21"));
    private final DiseaseCatalog upToSecondary = aCatalog("up-2", ReferralDirection.UP, InstitutionLevel.SECONDARY,
            TODAY.minusYears(1), entry("I63"));
    private final DiseaseCatalog downToPrimary = aCatalog("down-1", ReferralDirection.DOWN, InstitutionLevel.PRIMARY,
            TODAY.minusYears(1), entry("I69"));

    private final List<Institution> everyone = List.of(nananHospital, ouhaiDistrictHospital, peoplesHospital,
            memberDistrictHospital, luchengPeoples, centralHospital, guanghuaCentre, wuTianCentre, closedHospital);

    private List<RouteSuggestion> routes(Institution from, ReferralDirection direction, String diagnosis,
                                         List<Alliance> alliances, int limit) {
        RouteQuestion question = new RouteQuestion(from.id(), direction, new DiagnosisCode(diagnosis),
                CareType.INPATIENT, limit);
        return RouteRanking.rank(question, from, alliances, everyone, level -> CatalogEligibility.check(direction,
                question.diagnosis(), level, question.careType(), TODAY, List.of(upToTertiary, upToSecondary,
                        downToPrimary)));
    }

    @Test
    void fromACommunityCentreTheGroupsLeadHospitalComesFirstThenItsHubThenOtherMembers() {
        List<RouteSuggestion> suggestions = routes(guanghuaCentre, ReferralDirection.UP, "I21.9",
                List.of(cardiology, centralGroup), 10);

        assertThat(suggestions).extracting(s -> s.target().id().value()).containsExactly(
                "wz-central-hospital", "wz-peoples-hospital", "wz-lucheng-peoples-hospital",
                "wz-member-district-hospital", "wz-ouhai-district-hospital", "na-county-hospital");
        assertThat(suggestions).extracting(RouteSuggestion::tier).containsExactly(RouteTier.ALLIANCE_LEAD,
                RouteTier.ALLIANCE_LEAD, RouteTier.ALLIANCE_HUB, RouteTier.ALLIANCE_MEMBER,
                RouteTier.OUTSIDE_ALLIANCE, RouteTier.OUTSIDE_ALLIANCE);
        assertThat(suggestions.get(0).alliance().id()).as("the grid's urban group before the specialty alliance")
                .isEqualTo(new AllianceId("wz-urban-group-central"));
        assertThat(suggestions.get(0).explanation()).contains("lead hospital (牵头医院)", "温州市中心医院城市医疗集团",
                "片区 鹿城区 广化", "TERTIARY", "I21");
        assertThat(suggestions.get(2).explanation()).contains("hub member (枢纽型成员单位)");
        assertThat(suggestions).extracting(RouteSuggestion::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void outsideTheAllianceTheCatalogDecidesFirstThenTheNearestLevelThenTheNearestPlace() {
        Institution lonelyCentre = aCommunityCentre("wz-lonely-chc");

        List<RouteSuggestion> acuteStroke = routes(lonelyCentre, ReferralDirection.UP, "I63.9", List.of(), 10);
        List<RouteSuggestion> infarction = routes(lonelyCentre, ReferralDirection.UP, "I21.9", List.of(), 10);

        assertThat(acuteStroke).extracting(s -> s.target().id().value()).startsWith("wz-lucheng-peoples-hospital",
                "wz-member-district-hospital", "wz-ouhai-district-hospital", "na-county-hospital");
        assertThat(acuteStroke).allMatch(s -> s.tier() == RouteTier.OUTSIDE_ALLIANCE);
        assertThat(acuteStroke.get(0).eligibility().inCatalog()).isTrue();
        assertThat(infarction).extracting(s -> s.target().id().value()).startsWith("wz-central-hospital",
                "wz-peoples-hospital");
        assertThat(infarction.get(0).explanation()).contains("not in an alliance with");
    }

    @Test
    void neverTheSourceAnInactiveInstitutionOrALevelTheWrongWay() {
        List<RouteSuggestion> suggestions = routes(luchengPeoples, ReferralDirection.UP, "I21", List.of(centralGroup),
                50);

        assertThat(suggestions).extracting(s -> s.target().id().value())
                .containsExactly("wz-central-hospital", "wz-peoples-hospital")
                .doesNotContain("wz-closed-hospital", "wz-lucheng-peoples-hospital", "wz-lucheng-guanghua-chc");
    }

    @Test
    void aDownReferralGoesToTheAlliancesLowerLevelMembersFirst() {
        List<RouteSuggestion> suggestions = routes(centralHospital, ReferralDirection.DOWN, "I69.3",
                List.of(centralGroup), 3);

        assertThat(suggestions).extracting(s -> s.target().id().value()).containsExactly("wz-lucheng-peoples-hospital",
                "wz-lucheng-guanghua-chc", "wz-ouhai-wutian-chc");
        assertThat(suggestions.get(1).eligibility().inCatalog()).as("I69 is in the down catalog for PRIMARY").isTrue();
    }
}

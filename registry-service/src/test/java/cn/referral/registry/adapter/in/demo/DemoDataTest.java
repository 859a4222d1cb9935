package cn.referral.registry.adapter.in.demo;

import static cn.referral.registry.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.AllianceData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.GridData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.InstitutionData;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.policy.OneAlliancePerGridCell;
import tools.jackson.databind.json.JsonMapper;

/** The demo files encode seed 003 annex 3 and seed 002 faithfully, with the ids other services' demos use. */
class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoData data = DemoDataFiles.network(JSON);
    private final Map<String, InstitutionData> institutions = data.institutions().stream()
            .collect(Collectors.toMap(InstitutionData::id, Function.identity()));
    private final Map<String, AllianceData> alliances = data.alliances().stream()
            .collect(Collectors.toMap(AllianceData::id, Function.identity()));

    @Test
    void theWenzhouAnnexHasFiveGroupsWithFortyFivePianqu() {
        List<String> annexGroups = List.of("wz-urban-group-central", "wz-urban-group-peoples",
                "wz-urban-group-integrated", "wz-urban-group-tcm", "wz-urban-group-longwan");
        Map<String, Integer> cells = annexGroups.stream()
                .collect(Collectors.toMap(Function.identity(), id -> alliances.get(id).grids().size()));

        assertThat(cells).containsEntry("wz-urban-group-central", 15).containsEntry("wz-urban-group-peoples", 10)
                .containsEntry("wz-urban-group-integrated", 9).containsEntry("wz-urban-group-tcm", 5)
                .containsEntry("wz-urban-group-longwan", 6);
        assertThat(cells.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(45);
        assertThat(annexGroups.stream().map(id -> institutions.get(alliances.get(id).leadInstitutionIds().get(0)).name()))
                .containsExactly("温州市中心医院", "温州市人民医院", "温州市中西医结合医院", "温州市中医院", "龙湾区第一人民医院");
        assertThat(institutions.get(alliances.get("wz-urban-group-central").hubInstitutionId()).name())
                .isEqualTo("鹿城区人民医院");
        assertThat(alliances.get("wz-urban-group-central").grids()).extracting(GridData::name)
                .startsWith("广化", "莲池", "仰义").contains("梧田", "仙岩");
        assertThat(alliances.get("wz-urban-group-integrated").grids()).filteredOn(g -> g.district().equals("浙南产业集聚区"))
                .extracting(GridData::name).containsExactly("海城", "沙城", "天河", "星海");
    }

    @Test
    void theSharedDemoIdsExistWithTheAgreedLevelsAndMemberships() {
        assertThat(institutions.get("wz-wmu-first-hospital")).extracting(InstitutionData::name, InstitutionData::level,
                InstitutionData::kind, InstitutionData::regionCode)
                .containsExactly("温州医科大学附属第一医院", "TERTIARY", "GENERAL_HOSPITAL", "330304");
        assertThat(institutions.get("wz-lucheng-nanhui-chc")).extracting(InstitutionData::level,
                InstitutionData::kind, InstitutionData::regionCode)
                .containsExactly("PRIMARY", "COMMUNITY_HEALTH_CENTRE", "330302");
        assertThat(institutions.get("na-county-hospital")).extracting(InstitutionData::name, InstitutionData::level,
                InstitutionData::regionCode).containsExactly("南安市医院", "SECONDARY", "350583");
        assertThat(institutions.get("na-shijing-thc")).extracting(InstitutionData::level, InstitutionData::kind)
                .containsExactly("PRIMARY", "TOWNSHIP_HEALTH_CENTRE");
        Alliance wmu1 = toAlliance(alliances.get("wz-urban-group-wmu1"));
        Alliance nanan = toAlliance(alliances.get("na-county-community"));
        assertThat(wmu1.leadInstitutionIds()).extracting(InstitutionId::value).containsExactly("wz-wmu-first-hospital");
        assertThat(wmu1.includes(new InstitutionId("wz-lucheng-nanhui-chc"))).isTrue();
        assertThat(nanan.type()).isEqualTo(AllianceType.COUNTY_MEDICAL_COMMUNITY);
        assertThat(nanan.leadInstitutionIds()).first().isEqualTo(new InstitutionId("na-county-hospital"));
        assertThat(nanan.includes(new InstitutionId("na-shijing-thc"))).isTrue();
        assertThat(nanan.grids()).hasSize(6);
        assertThat(institutions.get("wz-wmu-first-hospital").departments())
                .contains("心血管内科", "神经内科", "全科", "康复医学科");
    }

    @Test
    void idsAndOrganisationCodesAreUniqueEveryReferenceResolvesAndNoCellHasTwoGroups() {
        assertThat(new HashSet<>(data.institutions().stream().map(InstitutionData::id).toList()))
                .hasSize(data.institutions().size());
        assertThat(data.institutions().stream().map(DemoData::organisationCode).distinct().count())
                .isEqualTo(data.institutions().size());
        assertThat(data.institutions()).allSatisfy(institution -> assertThat(DemoData.organisationCode(institution))
                .matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}"));
        List<Alliance> all = data.alliances().stream().map(DemoDataTest::toAlliance).toList();
        all.forEach(alliance -> {
            assertThat(institutions.keySet())
                    .containsAll(alliance.memberInstitutionIds().stream().map(InstitutionId::value).toList());
            OneAlliancePerGridCell.check(alliance, all);
        });
        assertThat(data.practitioners()).allSatisfy(p -> assertThat(institutions).containsKey(p.institutionId()));
    }

    /** The alliance as the loader forms it. */
    private static Alliance toAlliance(AllianceData data) {
        return Alliance.form(new AllianceId(data.id()), DemoDataLoader.details(data), NOW).state();
    }

}

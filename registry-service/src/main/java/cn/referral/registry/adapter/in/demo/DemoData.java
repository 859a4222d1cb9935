package cn.referral.registry.adapter.in.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.referral.registry.adapter.in.demo.DemoDataFiles.AllianceData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.Cell;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.District;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.Explicit;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.GridData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.GridLayout;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.Group;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.Hospital;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.InstitutionData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.PractitionerData;

/**
 * Every record the demo loads, with fixed ids: the Wenzhou grid layout expanded into institutions and
 * alliances (one community health centre per 片区, anchoring it), then the explicit lists.
 */
record DemoData(List<InstitutionData> institutions, List<AllianceData> alliances, List<PractitionerData> practitioners) {

    static DemoData of(GridLayout wenzhou, Explicit... explicit) {
        List<InstitutionData> institutions = new ArrayList<>();
        List<AllianceData> alliances = new ArrayList<>();
        List<PractitionerData> practitioners = new ArrayList<>(wenzhou.practitioners());
        Map<String, District> districts = wenzhou.districts().stream()
                .collect(Collectors.toMap(District::name, Function.identity()));
        for (Group group : wenzhou.groups()) {
            institutions.add(hospital(group.lead(), districts, wenzhou.hospitalDepartments()));
            if (group.hub() != null) {
                institutions.add(hospital(group.hub(), districts, wenzhou.hospitalDepartments()));
            }
            List<GridData> grids = new ArrayList<>();
            group.cells().forEach((districtName, cells) -> {
                District district = districts.get(districtName);
                for (Cell cell : cells) {
                    String centreId = cell.centreId() != null ? cell.centreId()
                            : "wz-" + district.slug() + "-" + cell.slug() + "-chc";
                    String centreName = cell.centreName() != null ? cell.centreName()
                            : districtName + cell.name() + "社区卫生服务中心";
                    institutions.add(new InstitutionData(centreId, centreName, "PRIMARY", "COMMUNITY_HEALTH_CENTRE",
                            district.regionCode(), wenzhou.centreDepartments(), districtName + cell.name() + "片区"));
                    grids.add(new GridData("wz-" + district.slug() + "-" + cell.slug(), cell.name(), districtName,
                            centreId, List.of()));
                }
            });
            alliances.add(new AllianceData(group.allianceId(), group.name(), "URBAN_MEDICAL_GROUP", "330300",
                    List.of(group.lead().id()), group.hub() == null ? null : group.hub().id(), List.of(), grids));
        }
        for (Explicit data : explicit) {
            institutions.addAll(data.institutions());
            alliances.addAll(data.alliances());
            practitioners.addAll(data.practitioners());
        }
        return new DemoData(institutions, alliances, practitioners);
    }

    private static InstitutionData hospital(Hospital hospital, Map<String, District> districts, List<String> departments) {
        return new InstitutionData(hospital.id(), hospital.name(), hospital.level(), hospital.kind(),
                districts.get(hospital.district()).regionCode(), departments, null);
    }

    /**
     * A well-formed unified social credit code that stays the same for the same id on every start:
     * {@code 12} (public institution), the region, {@code DM} (demo), seven digits from the id, {@code X}.
     */
    static String organisationCode(InstitutionData institution) {
        return "12" + institution.regionCode() + "DM" + "%07d".formatted(Math.floorMod(institution.id().hashCode(),
                10_000_000)) + "X";
    }

    /**
     * A SAMPLE 定点医药机构编号, not a real one: {@code H}, the region, then {@code 9} and four digits
     * from the id. Real codes are issued by the 医保 bureau; a 9xxxx sequence marks demo data
     * (docs/demo-data.md), so no settlement system mistakes it for a real institution's code.
     */
    static String sampleMedinsCode(InstitutionData institution) {
        return "H" + institution.regionCode() + "9" + "%04d".formatted(Math.floorMod(institution.id().hashCode(), 10_000));
    }
}

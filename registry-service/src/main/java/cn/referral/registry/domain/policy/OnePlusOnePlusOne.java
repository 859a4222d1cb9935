package cn.referral.registry.domain.policy;

import java.util.Map;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.practitioner.Practitioner;

/**
 * The "1+1+1" contract: one primary institution, one district hospital, one city hospital.
 * <p>
 * Seed 001 二(六): "探索实行“1+1+1”签约服务，即选择一家社区卫生服务中心、一家区级医院、一家市级医院(或省级医院)进行签约，
 * 通过签约服务，鼓励和引导居民在医联体内到基层首诊。"
 * <p>
 * So the first "1" is a primary institution (社区卫生服务中心 or 乡镇卫生院) and the family doctor works there;
 * the district hospital is a secondary hospital; the city (or provincial) hospital a tertiary one. Every
 * institution named must be active, and so must the family doctor (one who left is deactivated). District and
 * city hospital come together or not at all.
 */
public final class OnePlusOnePlusOne {

    private OnePlusOnePlusOne() {
    }

    /** {@code institutions} holds every institution the terms name, by id (missing ones were not found). */
    public static void check(ContractTerms terms, Map<InstitutionId, Institution> institutions, Practitioner familyDoctor) {
        require(terms.primaryInstitutionId(), "primaryInstitutionId", InstitutionLevel.PRIMARY, institutions,
                "the first 1 is a 社区卫生服务中心 or 乡镇卫生院");
        if ((terms.districtHospitalId() == null) != (terms.cityHospitalId() == null)) {
            throw new RegistryRuleViolation("one-plus-one-plus-one",
                    terms.districtHospitalId() == null ? "districtHospitalId" : "cityHospitalId",
                    "a 1+1+1 contract names both a district hospital and a city hospital, or neither");
        }
        if (terms.districtHospitalId() != null) {
            require(terms.districtHospitalId(), "districtHospitalId", InstitutionLevel.SECONDARY, institutions,
                    "the second 1 is a 区级医院");
            require(terms.cityHospitalId(), "cityHospitalId", InstitutionLevel.TERTIARY, institutions,
                    "the third 1 is a 市级医院(或省级医院)");
        }
        if (!familyDoctor.institutionId().equals(terms.primaryInstitutionId()) || !familyDoctor.canBeFamilyDoctor()) {
            throw new RegistryRuleViolation("family-doctor", "familyDoctorId",
                    "the family doctor is a general practitioner or village doctor of the primary institution "
                            + terms.primaryInstitutionId() + "; " + familyDoctor.id() + " is a " + familyDoctor.role()
                            + " of " + familyDoctor.institutionId());
        }
        if (!familyDoctor.active()) {
            throw new RegistryRuleViolation("family-doctor", "familyDoctorId",
                    "the family doctor is in service at the primary institution; " + familyDoctor.id()
                            + " no longer is (deactivated at " + familyDoctor.institutionId() + ")");
        }
    }

    private static void require(InstitutionId id, String field, InstitutionLevel level,
                                Map<InstitutionId, Institution> institutions,
                                String why) {
        Institution institution = institutions.get(id);
        if (institution == null || !institution.active()) {
            throw new RegistryRuleViolation("unknown-institution", field, "no active institution " + id);
        }
        if (institution.level() != level) {
            throw new RegistryRuleViolation("one-plus-one-plus-one", field,
                    why + ": " + institution.name() + " is " + institution.level() + ", not " + level);
        }
    }
}

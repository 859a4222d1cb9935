package cn.referral.referral.domain.policy;

import java.time.LocalDate;
import java.util.Set;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.FamilyDoctorContract;

/**
 * Whether the receiving desk takes a referral first within its urgency (its worklists rank it ahead of
 * the others of that urgency). Seed 001: "上级医院应确定专人与下级医疗卫生机构对口联系,并通过预留20%以上的号源、开通绿色通道等方式,
 * 对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务。" — a patient with a valid family-doctor contract,
 * referred by their contracted primary institution (经基层医生转诊的签约患者).
 * <p>
 * Seed 002 says no such thing, so the rule holds only where the receiving institution's region is
 * listed ({@code referral.contracted-first-reception-regions}, GB/T 2260): a listed code covers its
 * counties and cities (220000 covers 2202xx), as the region is looked up county → city → province.
 * Nothing listed (the default): submission order within an urgency, everywhere.
 */
public record ContractedFirstReception(Set<String> regionCodes) {

    public static final String BASIS = "001: 上级医院应确定专人与下级医疗卫生机构对口联系,并通过预留20%以上的号源、开通绿色通道等方式,"
            + "对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务。";

    public ContractedFirstReception {
        regionCodes = regionCodes == null ? Set.of() : Set.copyOf(regionCodes);
    }

    /** No region listed: no referral is received first. */
    public static ContractedFirstReception nowhere() {
        return new ContractedFirstReception(Set.of());
    }

    /**
     * Whether a referral from {@code fromInstitutionId} to an institution in {@code toRegionCode} is
     * received first: the patient's {@code contract} is valid on {@code day}, its primary institution is
     * the referring one, and the receiving region is listed.
     */
    public boolean receivesFirst(FamilyDoctorContract contract, LocalDate day, InstitutionId fromInstitutionId,
                                 String toRegionCode) {
        return contract != null && contract.isValidOn(day) && fromInstitutionId != null
                && fromInstitutionId.equals(contract.primaryInstitutionId()) && listed(toRegionCode);
    }

    /** The region, its city (first four digits) or its province (first two) is listed. */
    public boolean listed(String regionCode) {
        if (regionCode == null || regionCode.length() != 6) {
            return false;
        }
        return regionCodes.contains(regionCode) || regionCodes.contains(regionCode.substring(0, 4) + "00")
                || regionCodes.contains(regionCode.substring(0, 2) + "0000");
    }

    public String basis() {
        return BASIS;
    }
}

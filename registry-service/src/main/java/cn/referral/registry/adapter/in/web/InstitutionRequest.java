package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.registry.domain.institution.InstitutionDetails;
import cn.referral.registry.domain.institution.InstitutionKind;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.institution.RegionCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /institutions} and {@code PUT /institutions/{id}}. Ids, versions and the active flag are the server's. */
public record InstitutionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank
        @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}",
                message = "must be an 18-character unified social credit code (统一社会信用代码)")
        String organisationCode,
        @NotNull InstitutionLevel level,
        @NotNull InstitutionKind kind,
        @NotNull @Pattern(regexp = WebInputs.REGION_CODE, message = WebInputs.REGION_CODE_MESSAGE) String regionCode,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> departments,
        @Size(max = 100) String gridArea,
        @Pattern(regexp = "[A-Z]\\d{11}",
                message = "must be a 12-character 定点医药机构编号: a letter (H for a medical institution), "
                        + "the six-digit region code and a five-digit number")
        String medinsCode) {

    InstitutionDetails toDetails() {
        return new InstitutionDetails(name, organisationCode, level, kind, new RegionCode(regionCode), departments,
                gridArea, medinsCode);
    }
}

package cn.referral.registry.domain.institution;

import java.util.List;

/**
 * What a registry administrator says about an institution; the registry owns its id, version and
 * active flag. {@code medinsCode} (定点医药机构编号) is optional.
 */
public record InstitutionDetails(String name, String organisationCode, InstitutionLevel level, InstitutionKind kind,
                                 RegionCode region, List<String> departments, String gridArea, String medinsCode) {

    public InstitutionDetails(String name, String organisationCode, InstitutionLevel level, InstitutionKind kind,
                              RegionCode region, List<String> departments, String gridArea) {
        this(name, organisationCode, level, kind, region, departments, gridArea, null);
    }
}

package cn.referral.registry.domain.institution;

import java.util.List;

/** What a registry administrator says about an institution; the registry owns its id, version and active flag. */
public record InstitutionDetails(String name, String organisationCode, InstitutionLevel level, InstitutionKind kind,
                                 RegionCode region, List<String> departments, String gridArea) {
}

package cn.referral.registry.domain.alliance;

import java.util.List;

import cn.referral.registry.domain.institution.RegionCode;

/** What a registry administrator says about an alliance; the registry owns its id, version and active flag. */
public record AllianceDetails(String name, AllianceType type, RegionCode region, List<String> leadInstitutionIds,
                              String hubInstitutionId, List<String> memberInstitutionIds, List<GridCell> grids) {
}

package cn.referral.registry.domain.alliance;

import java.util.List;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.institution.RegionCode;

/** What a registry administrator says about an alliance; the registry owns its id, version and active flag. */
public record AllianceDetails(String name, AllianceType type, RegionCode region, List<InstitutionId> leadInstitutionIds,
                              InstitutionId hubInstitutionId, List<InstitutionId> memberInstitutionIds,
                              List<GridCell> grids) {
}

package cn.referral.registry.domain.alliance;

import java.util.List;
import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.RegistryRuleViolation;

/**
 * One 片区 of an alliance's grid: a named area of a district whose residents the alliance serves
 * (seed 003 annex 3 lists 45 of them for Wenzhou). {@code leadInstitutionId} is the institution
 * that anchors the cell (the 片区's centre, or a county 片区诊疗中心); it may be null.
 */
public record GridCell(GridId gridId, String name, String district, InstitutionId leadInstitutionId,
                       List<InstitutionId> memberInstitutionIds) {

    public GridCell {
        Objects.requireNonNull(gridId, "gridId");
        name = RegistryRuleViolation.requireText(name, "grid-name", "grids.name", "a 片区 needs a name").strip();
        district = RegistryRuleViolation.requireText(district, "grid-district", "grids.district",
                "a 片区 needs its district").strip();
        memberInstitutionIds = memberInstitutionIds == null ? List.of() : List.copyOf(memberInstitutionIds);
    }

    /** The area itself, whichever alliance or id it is registered under: district and name. */
    public String cellKey() {
        return district + "/" + name;
    }

    /** Whether the institution anchors or belongs to this cell. */
    public boolean includes(InstitutionId institutionId) {
        return institutionId.equals(leadInstitutionId) || memberInstitutionIds.contains(institutionId);
    }
}

package cn.referral.registry.adapter.in.web;

import java.util.List;
import java.util.function.Supplier;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.alliance.GridCell;
import cn.referral.registry.domain.alliance.GridId;
import cn.referral.registry.domain.institution.RegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /alliances} and {@code PUT /alliances/{id}}. {@code memberInstitutionIds} need not repeat
 * the leads, the hub or the grid's institutions: every one of them is a member.
 */
public record AllianceRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull AllianceType type,
        @NotNull @Pattern(regexp = WebInputs.REGION_CODE, message = WebInputs.REGION_CODE_MESSAGE) String regionCode,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(min = 1, max = 100) String> leadInstitutionIds,
        String hubInstitutionId,
        @Size(max = 2000) List<@NotBlank @Size(min = 1, max = 100) String> memberInstitutionIds,
        @Size(max = 500) List<@Valid @NotNull Grid> grids) {

    /** One 片区. {@code gridId} may be left out: the server gives one. */
    public record Grid(
            @Pattern(regexp = WebInputs.ID, message = WebInputs.ID_MESSAGE) String gridId,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String district,
            String leadInstitutionId,
            @Size(max = 500) List<@NotBlank @Size(min = 1, max = 100) String> memberInstitutionIds) {
    }

    AllianceDetails toDetails(Supplier<String> newGridId) {
        List<GridCell> cells = grids == null ? List.of() : grids.stream()
                .map(grid -> new GridCell(new GridId(grid.gridId() == null ? newGridId.get() : grid.gridId()),
                        grid.name(), grid.district(), gridLead(grid.leadInstitutionId()),
                        institutions(grid.memberInstitutionIds())))
                .toList();
        return new AllianceDetails(name, type, new RegionCode(regionCode), institutions(leadInstitutionIds),
                Identifier.ofValueOrNull(hubInstitutionId, InstitutionId::new),
                institutions(memberInstitutionIds), cells);
    }

    private static List<InstitutionId> institutions(List<String> ids) {
        return ids == null ? null : ids.stream().map(InstitutionId::new).toList();
    }

    /** A 片区 may have no anchoring institution; a blank one names none that is registered. */
    private static InstitutionId gridLead(String id) {
        if (id != null && id.isBlank()) {
            throw new RegistryRuleViolation("unknown-institution", "grids.leadInstitutionId",
                    "no active institution with id " + id);
        }
        return id == null ? null : new InstitutionId(id);
    }
}

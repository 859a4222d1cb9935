package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.alliance.Alliance;

public record AllianceResponse(String id, String name, String type, String regionCode, List<String> leadInstitutionIds,
                               String hubInstitutionId, List<String> memberInstitutionIds, List<Grid> grids,
                               boolean active, long version) {

    public record Grid(String gridId, String name, String district, String leadInstitutionId,
                       List<String> memberInstitutionIds) {
    }

    static AllianceResponse of(Alliance alliance) {
        return new AllianceResponse(alliance.id().value(), alliance.name(), alliance.type().name(),
                alliance.region().value(), values(alliance.leadInstitutionIds()),
                Identifier.valueOrNull(alliance.hubInstitutionId()), values(alliance.memberInstitutionIds()),
                alliance.grids().stream().map(cell -> new Grid(cell.gridId().value(), cell.name(), cell.district(),
                        Identifier.valueOrNull(cell.leadInstitutionId()), values(cell.memberInstitutionIds())))
                        .toList(),
                alliance.active(), alliance.version());
    }

    private static List<String> values(List<InstitutionId> ids) {
        return ids.stream().map(InstitutionId::value).toList();
    }
}

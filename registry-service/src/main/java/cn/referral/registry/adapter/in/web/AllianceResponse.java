package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.registry.domain.alliance.Alliance;

public record AllianceResponse(String id, String name, String type, String regionCode, List<String> leadInstitutionIds,
                               String hubInstitutionId, List<String> memberInstitutionIds, List<Grid> grids,
                               boolean active, long version) {

    public record Grid(String gridId, String name, String district, String leadInstitutionId,
                       List<String> memberInstitutionIds) {
    }

    static AllianceResponse of(Alliance alliance) {
        return new AllianceResponse(alliance.id(), alliance.name(), alliance.type().name(), alliance.region().value(),
                alliance.leadInstitutionIds(), alliance.hubInstitutionId(), alliance.memberInstitutionIds(),
                alliance.grids().stream().map(cell -> new Grid(cell.gridId(), cell.name(), cell.district(),
                        cell.leadInstitutionId(), cell.memberInstitutionIds())).toList(),
                alliance.active(), alliance.version());
    }
}

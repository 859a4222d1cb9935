package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.registry.domain.institution.Institution;

public record InstitutionResponse(String id, String name, String organisationCode, String level, String kind,
                                  String regionCode, List<String> departments, String gridArea, boolean active,
                                  long version, String medinsCode) {

    static InstitutionResponse of(Institution institution) {
        return new InstitutionResponse(institution.id().value(), institution.name(), institution.organisationCode(),
                institution.level().name(), institution.kind().name(), institution.region().value(),
                institution.departments(), institution.gridArea(), institution.active(), institution.version(),
                institution.medinsCode());
    }
}

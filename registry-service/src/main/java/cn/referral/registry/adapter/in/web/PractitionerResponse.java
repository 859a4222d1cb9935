package cn.referral.registry.adapter.in.web;

import cn.referral.registry.domain.practitioner.Practitioner;

public record PractitionerResponse(String id, String name, String institutionId, String role, String title,
                                   String department, boolean active, long version) {

    static PractitionerResponse of(Practitioner practitioner) {
        return new PractitionerResponse(practitioner.id().value(), practitioner.name(),
                practitioner.institutionId().value(), practitioner.role().name(), practitioner.title(),
                practitioner.department(), practitioner.active(), practitioner.version());
    }
}

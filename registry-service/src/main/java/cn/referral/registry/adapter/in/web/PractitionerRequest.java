package cn.referral.registry.adapter.in.web;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.practitioner.PractitionerDetails;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /practitioners} and {@code PUT /practitioners/{id}}; {@code title} is the professional title
 * (职称). A revision names the institution the practitioner works at already. Ids, versions and the active flag are
 * the server's.
 */
public record PractitionerRequest(@NotBlank @Size(max = 100) String name, @NotBlank String institutionId,
                                  @NotNull PractitionerRole role, @Size(max = 50) String title,
                                  @Size(max = 100) String department) {

    PractitionerDetails toDetails() {
        return new PractitionerDetails(name, new InstitutionId(institutionId), role, title, department);
    }
}

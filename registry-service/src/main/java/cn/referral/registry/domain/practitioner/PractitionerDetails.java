package cn.referral.registry.domain.practitioner;

import cn.referral.platform.domain.InstitutionId;

/**
 * What an administrator gives when registering or revising a practitioner: their name, the institution they work
 * at, their role and, optionally, their professional title (职称) and department. A revision names the institution
 * the practitioner already works at: a move to another institution is a deactivation there and a registration at
 * the new one.
 */
public record PractitionerDetails(String name, InstitutionId institutionId, PractitionerRole role, String title,
                                  String department) {
}

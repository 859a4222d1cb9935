package cn.referral.platform.security;

import java.util.Set;

/**
 * The authenticated caller of a request, from its JWT: {@code sub}, {@code roles}, {@code inst}
 * (institution id) and {@code region} (for insurers). Controllers take it as a parameter and hand
 * it to the use case, which decides what this caller may see and do.
 */
public record Caller(String subject, Set<Role> roles, String institutionId, String regionCode) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(String institution) {
        return institutionId != null && institutionId.equals(institution);
    }
}

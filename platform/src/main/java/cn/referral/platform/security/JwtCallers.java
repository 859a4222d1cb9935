package cn.referral.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the platform's claims from a validated JWT. Unknown role names are ignored, never trusted. */
public final class JwtCallers {

    public static final String ROLES = "roles";
    public static final String INSTITUTION = "inst";
    public static final String REGION = "region";

    private JwtCallers() {
    }

    public static Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), roles(jwt), jwt.getClaimAsString(INSTITUTION), jwt.getClaimAsString(REGION));
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt).stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    private static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}

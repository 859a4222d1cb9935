package cn.referral.console.signin;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in person as the console shows them and decides which screens to offer. The services
 * decide what they may really do, from the same token.
 */
public record ConsoleUser(String subject, List<String> roles, String institutionId, String regionCode,
                          String label) implements Serializable {

    public ConsoleUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The role whose screens the console opens first. */
    public String primaryRole() {
        return roles.isEmpty() ? "NONE" : roles.get(0);
    }
}

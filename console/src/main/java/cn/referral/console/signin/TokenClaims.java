package cn.referral.console.signin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the platform's claims ({@code sub}, {@code roles}, {@code inst}, {@code region}) from an
 * access token, only to choose which screens to show. The signature is not checked here: the
 * gateway and every service check it on each call, and decide what the user may do.
 */
final class TokenClaims {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenClaims() {
    }

    static ConsoleUser user(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asString()));
        String name = claims.path("preferred_username").asString(claims.path("sub").asString(""));
        String institution = claims.path("inst").isNull() ? null : claims.path("inst").asString(null);
        String region = claims.path("region").isNull() ? null : claims.path("region").asString(null);
        return new ConsoleUser(claims.path("sub").asString(""), roles, institution, region, name);
    }
}

package cn.referral.gateway.auth;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Local profile only: {@code POST /auth/dev-token} and {@code GET /auth/jwks}. */
@RestController
@Profile("local")
class DevTokenController {

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/auth/dev-token")
    DevTokenIssuer.DevToken issue(@Valid @RequestBody DevTokenRequest request) {
        return issuer.issue(request);
    }

    @GetMapping("/auth/jwks")
    Map<String, Object> jwks() {
        return issuer.jwks();
    }
}

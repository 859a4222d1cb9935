package cn.referral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;

import cn.referral.platform.config.PlatformDefaults;

/** Whose tokens a service trusts: nobody's by default outside {@code local}, and never a token without a subject. */
class TokenSettingsTest {

    private static final SecurityProperties CONFIGURED = new SecurityProperties("https://idp.example/jwks", null,
            "https://idp.example/realms/referral", "referral-platform");

    @Test
    void outsideTheLocalProfileThereIsNoDefaultIssuerAndTheServiceDoesNotStart() {
        StandardEnvironment production = new StandardEnvironment();
        production.setActiveProfiles("prod");
        new PlatformDefaults().postProcessEnvironment(production, null);

        assertThat(production.getProperty("platform.security.issuer")).isEmpty();
        assertThat(production.getProperty("platform.security.jwks-uri")).isEmpty();
        SecurityProperties unset = new SecurityProperties(production.getProperty("platform.security.jwks-uri"),
                production.getProperty("platform.security.public-key-location"),
                production.getProperty("platform.security.issuer"), production.getProperty("platform.security.audience"));
        assertThatThrownBy(() -> PlatformSecurityAutoConfiguration.requireSettings(unset))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_ISSUER").hasMessageContaining("JWT_JWKS_URI");
    }

    @Test
    void theLocalProfileTrustsTheGatewaysDevelopmentIssuer() {
        StandardEnvironment local = new StandardEnvironment();
        local.setActiveProfiles("local");
        new PlatformDefaults().postProcessEnvironment(local, null);

        assertThat(local.getProperty("platform.security.issuer")).isEqualTo("http://127.0.0.1:8080/auth");
        assertThat(local.getProperty("platform.security.jwks-uri")).isEqualTo("http://127.0.0.1:8080/auth/jwks");
    }

    @Test
    void configuredSettingsPass() {
        PlatformSecurityAutoConfiguration.requireSettings(CONFIGURED);
    }

    @Test
    void aTokenWithoutASubjectIsRefused() {
        assertThat(PlatformSecurityAutoConfiguration.validator(CONFIGURED).validate(token(null)).hasErrors()).isTrue();
        assertThat(PlatformSecurityAutoConfiguration.validator(CONFIGURED).validate(token(" ")).hasErrors()).isTrue();
        assertThat(PlatformSecurityAutoConfiguration.validator(CONFIGURED).validate(token("dr-chen")).hasErrors())
                .isFalse();
    }

    private static Jwt token(String subject) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256")
                .issuer(CONFIGURED.issuer()).audience(List.of(CONFIGURED.audience()))
                .issuedAt(Instant.now().minusSeconds(10)).expiresAt(Instant.now().plusSeconds(600));
        if (subject != null) {
            builder.subject(subject);
        }
        return builder.build();
    }
}

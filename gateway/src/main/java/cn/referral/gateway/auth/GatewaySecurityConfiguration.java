package cn.referral.gateway.auth;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JOSEException;

import cn.referral.platform.security.PlatformSecurityAutoConfiguration;
import cn.referral.platform.security.RecentlyVerifiedTokens;
import cn.referral.platform.security.SecurityProperties;

/**
 * In the local profile the gateway is its own token issuer: it checks tokens against the key it
 * signs with. Elsewhere the platform's decoder reads the OIDC provider's JWKS, like every service.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class GatewaySecurityConfiguration {

    @Bean
    DevTokenIssuer devTokenIssuer(@Value("${DATA_DIR:./.local-data}") Path dataDir, SecurityProperties security,
                                  Clock clock) {
        return new DevTokenIssuer(dataDir.resolve("gateway").resolve("dev-signing-key.jwk.json"), security.issuer(),
                security.audience(), clock);
    }

    @Bean
    ReactiveJwtDecoder devTokenDecoder(DevTokenIssuer issuer, SecurityProperties security) throws JOSEException {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey().toRSAPublicKey())
                .build();
        OAuth2TokenValidator<Jwt> validator = PlatformSecurityAutoConfiguration.validator(security);
        decoder.setJwtValidator(validator);
        return new RecentlyVerifiedTokens(decoder, validator);
    }
}

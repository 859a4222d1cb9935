package cn.referral.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services check tokens.
 *
 * @param jwksUri            where the signing keys are published (the gateway locally, the OIDC provider elsewhere)
 * @param publicKeyLocation  alternatively a PEM public key (tests); wins over {@code jwksUri} when set
 * @param issuer             required {@code iss}
 * @param audience           required in {@code aud}
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String jwksUri, String publicKeyLocation, String issuer, String audience) {
}

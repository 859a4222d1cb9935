package cn.referral.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import reactor.core.publisher.Mono;

/**
 * Every service is an OAuth2 resource server: RS256 JWTs with the platform's issuer and audience;
 * health, metrics and API docs are open, everything else needs a valid token. 401 and 403 are
 * problem+json like every other error.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = "platform.security.enabled", matchIfMissing = true)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    /** Paths anyone may read: probes, metrics for the scraper, and the API contract. */
    public static final String[] OPEN = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**"};

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain platformSecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return resourceServer(http, decoder);
    }

    /**
     * The resource-server chain every service and the gateway use: stateless, no CSRF or sessions,
     * {@link #OPEN} paths (and {@code alsoOpen}) public, everything else needs a valid token.
     */
    public static SecurityWebFilterChain resourceServer(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                        String... alsoOpen) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                    exchanges.pathMatchers(OPEN).permitAll();
                    if (alsoOpen.length > 0) {
                        exchanges.pathMatchers(alsoOpen).permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(PlatformSecurityAutoConfiguration::authenticate))
                        .authenticationEntryPoint((exchange, error) -> {
                            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            return Mono.error(new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                                    "Unauthorized", "A valid bearer token is required"));
                        })
                        .accessDeniedHandler((exchange, denied) -> Mono.error(
                                ProblemException.forbidden("Your role does not allow this"))))
                .build();
    }

    /**
     * A request the security firewall refuses before any filter reads it (an encoded slash, {@code %00} or
     * {@code ..} in the path, …) is a malformed request, answered as problem+json like every other; Spring Security's
     * own answer is a bare 400 without a body.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler malformedRequestProblem() {
        return (exchange, rejected) -> Mono.error(new ProblemException(HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The request's path or headers hold characters that are not accepted (an encoded slash, a null, ..)"));
    }

    private static Mono<org.springframework.security.authentication.AbstractAuthenticationToken> authenticate(Jwt jwt) {
        return Mono.just(new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken(
                jwt, JwtCallers.authorities(jwt), jwt.getSubject()));
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder platformJwtDecoder(SecurityProperties properties) {
        requireSettings(properties);
        NimbusReactiveJwtDecoder decoder = properties.publicKeyLocation() != null
                && !properties.publicKeyLocation().isBlank()
                ? NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        decoder.setJwtValidator(validator);
        return new RecentlyVerifiedTokens(decoder, validator);
    }

    /**
     * Stops the service at startup when it would not know whose tokens to trust: the issuer, the
     * audience, and the signing keys (JWKS or a public key) must be set. Only the {@code local}
     * profile has defaults (the gateway's development issuer, platform-defaults-local.yaml).
     */
    public static void requireSettings(SecurityProperties properties) {
        List<String> missing = new java.util.ArrayList<>();
        if (blank(properties.issuer())) {
            missing.add("platform.security.issuer (JWT_ISSUER)");
        }
        if (blank(properties.audience())) {
            missing.add("platform.security.audience (JWT_AUDIENCE)");
        }
        if (blank(properties.jwksUri()) && blank(properties.publicKeyLocation())) {
            missing.add("platform.security.jwks-uri (JWT_JWKS_URI) or platform.security.public-key-location "
                    + "(JWT_PUBLIC_KEY_LOCATION)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Token validation is not configured: set " + String.join(", ", missing)
                    + ". Outside the 'local' profile there is no default issuer: name your OIDC provider's.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Expiry and not-before, the platform's issuer, its audience, and a subject: what every token must
     * pass. A token without {@code sub} names nobody to audit, so it is refused (401).
     */
    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>("sub",
                sub -> sub != null && !sub.isBlank());
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
                audience, subject);
    }

    @Bean
    WebFluxConfigurer callerArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

    private static RSAPublicKey publicKey(String location) {
        try (var in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the token signing public key at " + location, e);
        }
    }
}

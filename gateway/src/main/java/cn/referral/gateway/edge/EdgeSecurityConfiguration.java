package cn.referral.gateway.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import cn.referral.platform.security.PlatformSecurityAutoConfiguration;

/**
 * The gateway's wall: every {@code /api/**} request needs a valid token before it is routed (the
 * services check it again). Token issuing and keys (local profile), probes, the fallback and the
 * API contracts are open, and so is the web console ({@code /console/**}), which signs its users in
 * itself and calls {@code /api/**} with their token.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return PlatformSecurityAutoConfiguration.resourceServer(http, decoder,
                "/auth/dev-token", "/auth/jwks", "/fallback/**", "/api-docs", "/api-docs/*",
                "/console", "/console/**");
    }
}

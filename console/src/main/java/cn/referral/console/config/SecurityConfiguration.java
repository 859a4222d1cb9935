package cn.referral.console.config;

import java.net.URI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may open which page of the console. Everything but the sign-in page, the static assets and
 * the probes needs a signed-in user. Form posts carry a CSRF token (Spring Security's default,
 * inserted into every Thymeleaf form); the session cookie is HttpOnly and SameSite=Lax.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    ServerSecurityContextRepository securityContextRepository() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ConsoleProperties properties,
                                           ServerSecurityContextRepository contexts,
                                           ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        http.securityContextRepository(contexts)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/sign-in", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/prometheus", "/oauth2/**", "/login/**").permitAll()
                        .anyExchange().authenticated())
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")))
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/sign-out"))
                        .logoutSuccessHandler(signedOut()));
        if (properties.signIn() == ConsoleProperties.SignIn.OIDC) {
            ReactiveClientRegistrationRepository clients = registrations.getObject();
            http.oauth2Login(login -> login.authorizationRequestResolver(withPkce(clients)));
        } else {
            http.exceptionHandling(errors -> errors
                    .authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint("/sign-in")));
        }
        return http.build();
    }

    /** PKCE also for the confidential client: a stolen authorization code is useless without the verifier. */
    private static ServerOAuth2AuthorizationRequestResolver withPkce(ReactiveClientRegistrationRepository clients) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
                clients);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    private static RedirectServerLogoutSuccessHandler signedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create("/sign-in?signedOut"));
        return handler;
    }

    /** Gets, and refreshes when expired, the OIDC access token the console calls the gateway with. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            ObjectProvider<ReactiveClientRegistrationRepository> registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        ReactiveClientRegistrationRepository clients = registrations.getIfAvailable();
        if (clients == null) {
            return request -> reactor.core.publisher.Mono.empty();
        }
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                clients, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}

package cn.referral.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Outside the local profile the console signs users in at the OIDC provider with the authorization
 * code flow and PKCE. Without a Keycloak here, this checks the console's half: where it sends the
 * browser and with which parameters (the token exchange itself needs the provider).
 */
class OidcSignInIT {

    private static MongoServer mongo;
    private static ConfigurableApplicationContext console;
    private static WebTestClient web;

    @BeforeAll
    static void start() {
        mongo = ConsoleUnderTest.memoryMongo();
        console = ConsoleUnderTest.start(mongo, new String[0], "--console.sign-in=OIDC",
                "--console.gateway-url=http://127.0.0.1:9",
                "--OIDC_BROWSER_ISSUER=https://auth.example.test/realms/referral");
        web = ConsoleUnderTest.pages(console);
    }

    @AfterAll
    static void stop() {
        console.close();
        mongo.shutdownNow();
    }

    @Test
    void aPageSendsTheBrowserToTheProviderWithAnAuthorizationCodeRequestAndPkce() {
        URI start = web.get().uri("/referrals").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(start).hasPath("/console/oauth2/authorization/keycloak");

        URI authorize = web.get().uri("/oauth2/authorization/keycloak").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(authorize.toString())
                .startsWith("https://auth.example.test/realms/referral/protocol/openid-connect/auth?");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo("referral-console");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("state")).isNotBlank();
        assertThat(query.getFirst("redirect_uri")).endsWith("/console/login/oauth2/code/keycloak");
    }

    @Test
    void theDevelopmentSignInPageIsNotOfferedOutsideTheLocalProfile() {
        web.get().uri("/sign-in").exchange().expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location)
                        .endsWith("/console/oauth2/authorization/keycloak"));
    }
}

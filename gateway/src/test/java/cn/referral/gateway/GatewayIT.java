package cn.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;

@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=",
        "platform.security.issuer=" + TestTokens.ISSUER,
        "platform.security.audience=" + TestTokens.AUDIENCE,
        "gateway.rate-limit.burst=5",
        "gateway.rate-limit.per-second=1",
})
class GatewayIT {

    @RegisterExtension
    static final FakeService REGISTRY = new FakeService();
    @RegisterExtension
    static final FakeService REFERRAL = new FakeService();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void routesToFakes(DynamicPropertyRegistry registry) {
        FakeService.route(registry, REGISTRY, REFERRAL);
    }

    @TestConfiguration
    static class FrozenTime {
        /** No refill during the test: the rate limit is exactly the burst. */
        @Bean
        @Primary
        Clock frozenClock() {
            return Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Test
    void routesWithThePrefixStrippedAndHandsTheTraceAndTokenOn() {
        String token = TestTokens.token("desk-routing", "wz-wmu-first-hospital", null, Role.REFERRAL_DESK);
        var result = client.get().uri("/api/registry/institutions/abc?x=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();
        String correlation = result.getResponseHeaders().getFirst("X-Correlation-Id");

        FakeService.Received last = REGISTRY.received().get(REGISTRY.received().size() - 1);
        assertThat(last.path()).isEqualTo("/institutions/abc?x=1");
        assertThat(last.headers().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(last.headers().get("traceparent")).startsWith("00-" + correlation + "-");

        client.get().uri("/api/referrals/r-1/actions").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        client.get().uri("/api/worklists/incoming").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        client.get().uri("/api/fhir/Task?owner=Organization/wz-wmu-first-hospital")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk();
        assertThat(REFERRAL.received()).extracting(FakeService.Received::path)
                .contains("/referrals/r-1/actions", "/worklists/incoming",
                        "/fhir/Task?owner=Organization/wz-wmu-first-hospital");
        FakeService.Received fhir = REFERRAL.received().get(REFERRAL.received().size() - 1);
        assertThat(fhir.headers().get("X-Api-Prefix")).as("the FHIR view builds its links from it")
                .isEqualTo("/api");
        assertThat(fhir.headers().get(HttpHeaders.HOST)).as("and from the host the client addressed")
                .startsWith("localhost:");
    }

    @Test
    void withoutAValidTokenNothingIsRouted() throws Exception {
        int before = REGISTRY.received().size();
        Instant now = Instant.now();
        List<String> badTokens = List.of(
                TestTokens.sign(TestTokens.claims("a", "i", null, Role.AUDITOR)
                        .expirationTime(Date.from(now.minusSeconds(120))).build()),
                TestTokens.sign(TestTokens.claims("a", "i", null, Role.AUDITOR).issuer("https://evil.example").build()),
                TestTokens.sign(TestTokens.claims("a", "i", null, Role.AUDITOR).audience("someone-else").build()),
                signedWithAnotherKey(TestTokens.claims("a", "i", null, Role.AUDITOR).build()),
                new PlainJWT(TestTokens.claims("a", "i", null, Role.AUDITOR).build()).serialize(),
                "not-a-jwt");
        client.get().uri("/api/registry/institutions").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        for (String bad : badTokens) {
            client.get().uri("/api/registry/institutions").header(HttpHeaders.AUTHORIZATION, "Bearer " + bad)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
        assertThat(REGISTRY.received()).hasSize(before);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String token = TestTokens.token("chatty-client", "wz-lucheng-nanhui-chc", null, Role.PRIMARY_DOCTOR);
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/registry/institutions").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk();
        }
        client.get().uri("/api/registry/institutions").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // another client is not affected
        client.get().uri("/api/registry/institutions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(Role.AUDITOR, "audit-office"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemThroughTheBreaker() {
        client.get().uri("/api/quota/pools")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("desk-down", "h", null,
                        Role.REFERRAL_DESK))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("quota")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Exception"));
    }

    @Test
    void aBrowserClientPassesThePreflight() {
        client.options().uri("/api/registry/institutions")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
    }

    @Test
    void developmentTokensExistOnlyInTheLocalProfile() {
        client.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"x\",\"roles\":[\"AUDITOR\"]}")
                .exchange().expectStatus().isNotFound();
    }

    private static String signedWithAnotherKey(JWTClaimsSet claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }
}

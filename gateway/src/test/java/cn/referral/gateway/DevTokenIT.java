package cn.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The local profile: the gateway issues development tokens from a key kept in the data dir. */
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
@ActiveProfiles("local")
class DevTokenIT {

    @RegisterExtension
    static final FakeService QUOTA = new FakeService();
    static final Path DATA_DIR = createDataDir();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("DATA_DIR", DATA_DIR::toString);
        registry.add("QUOTA_URL", QUOTA::url);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDevelopmentTokenOpensTheRoutesAndItsKeyIsPublished() {
        Map<String, Object> token = client.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"desk@wz\",\"roles\":[\"REFERRAL_DESK\"],\"institutionId\":\"wz-wmu-first-hospital\"}")
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(token).containsEntry("token_type", "Bearer");

        client.get().uri("/api/quota/pools").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get("access_token"))
                .exchange().expectStatus().isOk();
        assertThat(QUOTA.received()).extracting(FakeService.Received::path).contains("/pools");

        client.get().uri("/auth/jwks").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].d").doesNotExist();
        assertThat(DATA_DIR.resolve("gateway/dev-signing-key.jwk.json")).exists();
    }

    @Test
    void aTokenRequestWithoutRolesIsAProblemNamingTheField() {
        client.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"nobody\",\"roles\":[]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
        client.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"nobody\",\"roles\":[\"SUPERUSER\"]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles[0]");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("gateway-data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

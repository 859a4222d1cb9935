package cn.referral.platform.testing;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.application.NotFound;

/**
 * The problems every service answers alike, asserted the same way in every service's tests: whichever layer
 * raised it, a {@link NotFound} reaches the client as the platform's one 404 body.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * Asserts the 404 for {@code what} with {@code id}: problem+json, type {@code not-found}, title
     * "{@code What} not found", detail "No {@code what} with id {@code id}".
     */
    public static void expectNotFound(WebTestClient.ResponseSpec response, String what, String id) {
        response.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:not-found")
                .jsonPath("$.title").isEqualTo(what + " not found")
                .jsonPath("$.detail").isEqualTo("No " + what.toLowerCase() + " with id " + id);
    }
}

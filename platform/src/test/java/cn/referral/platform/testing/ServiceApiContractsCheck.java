package cn.referral.platform.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's API contracts (docs/api/README.md): the OpenAPI document it serves passes the official
 * OpenAPI schema and equals the committed {@code docs/api/<service>.openapi.json}, so a controller or
 * DTO that changes without its contract fails the build; its {@code asyncapi.yaml} passes the official
 * AsyncAPI schema of its declared version. {@code -Dcontracts.update=true} rewrites the snapshot
 * after an intended API change. Each service extends it in a {@code @ServiceIntegrationTest}.
 */
public abstract class ServiceApiContractsCheck {

    private final String module;

    @Autowired
    private WebTestClient web;

    protected ServiceApiContractsCheck(String module) {
        this.module = module;
    }

    @Test
    void theServedOpenApiDocumentIsValidAndIsTheCommittedContract() {
        // open path: no token; the first request builds the document, which takes longer than
        // WebTestClient's default 5 s on a loaded build machine
        String served = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        ApiContracts.assertValidOpenApi(module + " /v3/api-docs", served);
        ApiContracts.assertMatchesSnapshot(module, served);
    }

    @Test
    void theAsyncApiDocumentPassesTheOfficialSchemaOfItsVersion() {
        ApiContracts.assertValidAsyncApiResource("asyncapi.yaml");
    }
}

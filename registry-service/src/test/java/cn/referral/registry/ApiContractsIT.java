package cn.referral.registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.testing.ApiContracts;
import cn.referral.platform.testing.ServiceIntegrationTest;

/**
 * registry-service's API contracts (docs/api/README.md): the OpenAPI document it serves passes the official OpenAPI
 * schema and equals the committed docs/api/registry-service.openapi.json, so a controller or DTO that changes without
 * its contract fails the build; its asyncapi.yaml passes the official AsyncAPI schema of its declared version.
 * {@code -Dcontracts.update=true} rewrites the snapshot after an intended API change.
 */
@ServiceIntegrationTest
class ApiContractsIT {

    private static final String MODULE = "registry-service";

    @Autowired
    WebTestClient web;

    @Test
    void theServedOpenApiDocumentIsValidAndIsTheCommittedContract() {
        // open path: no token
        String served = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        ApiContracts.assertValidOpenApi(MODULE + " /v3/api-docs", served);
        ApiContracts.assertMatchesSnapshot(MODULE, served);
    }

    @Test
    void theAsyncApiDocumentPassesTheOfficialSchemaOfItsVersion() {
        ApiContracts.assertValidAsyncApiResource("asyncapi.yaml");
    }
}

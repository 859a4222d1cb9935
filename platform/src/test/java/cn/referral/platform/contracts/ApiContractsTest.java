package cn.referral.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.referral.platform.testing.ApiContracts;

/** The contract checks catch what they promise to catch, and pass what is valid. */
class ApiContractsTest {

    /** The message both AsyncAPI documents below carry. */
    private static final String THING_MESSAGE = """
            components:
              messages:
                Thing:
                  name: thing.v1
                  payload: { type: object, properties: { id: { type: string } } }
            """;

    private static final String ASYNCAPI_2 = """
            asyncapi: 2.6.0
            info: { title: t, version: 1.0.0 }
            channels:
              things.v1:
                subscribe:
                  operationId: publishThings
                  message: { $ref: '#/components/messages/Thing' }
              others.v1:
                publish:
                  operationId: consumeOthers
                  message: { $ref: '#/components/messages/Thing' }
            """ + THING_MESSAGE;

    private static final String ASYNCAPI_3 = """
            asyncapi: 3.0.0
            info: { title: t, version: 1.0.0 }
            channels:
              things:
                address: things.v1
                messages:
                  thing: { $ref: '#/components/messages/Thing' }
              others:
                address: others.v1
                messages:
                  other: { $ref: '#/components/messages/Thing' }
            operations:
              publishThings:
                action: send
                channel: { $ref: '#/channels/things' }
                messages: [ { $ref: '#/channels/things/messages/thing' } ]
            """ + THING_MESSAGE;

    private static final String OPENAPI_31 = """
            {"openapi":"3.1.0","info":{"title":"t","version":"v1"},
             "servers":[{"url":"http://localhost:4711"}],
             "paths":{"/things/{id}":{"get":{"operationId":"thing",
               "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
               "responses":{"200":{"description":"OK","content":{"application/json":
                 {"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","properties":{"id":{"type":"string"}}}}}}
            """;

    private static final String OPENAPI_30 = OPENAPI_31.replace("\"3.1.0\"", "\"3.0.1\"");

    @TempDir
    Path dir;

    @AfterEach
    void noUpdateMode() {
        System.clearProperty(ApiContracts.UPDATE_PROPERTY);
    }

    @Test
    void validAsyncApiDocumentsOfBothVersionsPass() {
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_2)).isEmpty();
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_3)).isEmpty();
        assertThatNoException().isThrownBy(() -> ApiContracts.assertValidAsyncApi("v3", ASYNCAPI_3));
    }

    @Test
    void theOfficialAsyncApiSchemaRejectsWhatTheSpecificationDoesNotAllow() {
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_2.replace("info:", "bogus: 1\ninfo:")))
                .anySatisfy(problem -> assertThat(problem).contains("bogus"));
        // 'publish' on a channel is AsyncAPI 2; a 3.0.0 document may not use it
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_3.replace("    address: others.v1",
                "    address: others.v1\n    publish: { operationId: x }")))
                .anySatisfy(problem -> assertThat(problem).startsWith("/channels/others").contains("publish"));
        // a payload schema that is no JSON Schema
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_3.replace("payload: { type: object", "payload: { type: objekt")))
                .anySatisfy(problem -> assertThat(problem).startsWith("/components/messages/Thing"));
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_2.replace("2.6.0", "2.5.0")))
                .containsExactly("AsyncAPI 2.5.0: no official schema is vendored for this version under "
                        + "contract-schemas/asyncapi/ (see its README.md)");
        assertThatThrownBy(() -> ApiContracts.assertValidAsyncApi("broken.yaml", ASYNCAPI_3.replace("action: send", "action: emit")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AsyncAPI document broken.yaml breaks its official specification")
                .hasMessageContaining("/operations/publishThings/action");
    }

    @Test
    void asyncApiRulesBeyondTheSchemaAreChecked() {
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_2.replaceFirst("messages/Thing'", "messages/Thin'")))
                .containsExactly("/channels/things.v1/subscribe/message/$ref: $ref '#/components/messages/Thin' does not "
                        + "resolve inside the document");
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_2.replace("consumeOthers", "publishThings")))
                .containsExactly("channels.others.v1.publish: operationId 'publishThings' is also used by "
                        + "channels.things.v1.subscribe");
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_3.replace("#/channels/things/messages/thing",
                "#/channels/others/messages/other")))
                .containsExactly("/operations/publishThings: message #/channels/others/messages/other is not one of "
                        + "the messages of its channel #/channels/things");
        // YAML forbids a key twice in one mapping; a plain reader would silently keep the last one
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_2.replace("info:", "channels: {}\ninfo:")))
                .singleElement().asString().startsWith("not readable: Duplicate Object property \"channels\"");
        assertThat(ApiContracts.asyncApiProblems(ASYNCAPI_3.replaceFirst("'#/components/messages/Thing'",
                "'other.yaml#/Thing'")))
                .containsExactly("/channels/things/messages/thing/$ref: $ref 'other.yaml#/Thing' points outside the "
                        + "document; a contract must be self-contained");
    }

    @Test
    void validOpenApiDocumentsOfBothVersionsPass() {
        assertThat(ApiContracts.openApiProblems(OPENAPI_31)).isEmpty();
        assertThat(ApiContracts.openApiProblems(OPENAPI_30)).isEmpty();
    }

    @Test
    void theOfficialOpenApiSchemaRejectsWhatTheSpecificationDoesNotAllow() {
        // a response needs a description, in 3.0 and in 3.1
        for (String document : new String[] {OPENAPI_30, OPENAPI_31}) {
            assertThat(ApiContracts.openApiProblems(document.replace("\"description\":\"OK\",", "")))
                    .as(document.substring(0, 30))
                    .anySatisfy(problem -> assertThat(problem).contains("/paths/~1things~1{id}/get/responses/200")
                            .contains("description"));
        }
        assertThat(ApiContracts.openApiProblems(OPENAPI_30.replace("\"in\":\"path\"", "\"in\":\"body\"")))
                .anySatisfy(problem -> assertThat(problem).startsWith("/paths/~1things~1{id}/get/parameters/0"));
        assertThat(ApiContracts.openApiProblems(OPENAPI_31.replace("3.1.0", "2.0")))
                .containsExactly("OpenAPI 2.0: only 3.0.x and 3.1.x have a vendored schema");
    }

    @Test
    void openApiRulesBeyondTheSchemaAreChecked() {
        assertThat(ApiContracts.openApiProblems(OPENAPI_31.replace("\"/things/{id}\"", "\"/things/{thingId}\"")))
                .containsExactly("GET /things/{thingId}: the path's template names [thingId] but its path parameters are [id]");
        assertThat(ApiContracts.openApiProblems(OPENAPI_31.replace("#/components/schemas/Thing", "#/components/schemas/Nothing")))
                .containsExactly("/paths/~1things~1{id}/get/responses/200/content/application~1json/schema/$ref: "
                        + "$ref '#/components/schemas/Nothing' does not resolve inside the document");
        String twoOperations = OPENAPI_31.replace("\"paths\":{", "\"paths\":{\"/things\":{\"get\":{\"operationId\":\"thing\","
                + "\"responses\":{\"200\":{\"description\":\"OK\"}}}},");
        assertThat(ApiContracts.openApiProblems(twoOperations))
                .containsExactly("GET /things/{id}: operationId 'thing' is also used by GET /things");
    }

    @Test
    void aServedDocumentEqualToTheSnapshotPassesWhateverItsKeyOrderAndServerPort() throws IOException {
        Path snapshot = dir.resolve("svc.openapi.json");
        Files.writeString(snapshot, ApiContracts.render(ApiContracts.normalize(json(OPENAPI_31))));
        // the same document, keys in another order at every level, served on another port
        String reordered = """
                {"components":{"schemas":{"Thing":{"properties":{"id":{"type":"string"}},"type":"object"}}},
                 "paths":{"/things/{id}":{"get":{"responses":{"200":{"content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Thing"}}},"description":"OK"}},
                   "parameters":[{"schema":{"type":"string"},"required":true,"in":"path","name":"id"}],
                   "operationId":"thing"}}},
                 "servers":[{"url":"http://localhost:1234"}],
                 "info":{"version":"v1","title":"t"},"openapi":"3.1.0"}
                """;
        assertThat(ApiContracts.differences(ApiContracts.normalize(json(OPENAPI_31)), ApiContracts.normalize(json(reordered))))
                .isEmpty();
        assertThatNoException().isThrownBy(() -> ApiContracts.assertMatchesSnapshot("svc", reordered, snapshot));
        assertThat(Files.readString(snapshot)).doesNotContain("servers")
                .startsWith("{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\n    \"title\": \"t\",")
                .contains("\"paths\": {\n    \"/things/{id}\": {")
                .endsWith("}\n");
    }

    @Test
    void aControllerChangeWithoutItsContractFailsWithTheDifferencesAndHowToRegenerate() throws IOException {
        Path snapshot = dir.resolve("svc.openapi.json");
        Files.writeString(snapshot, ApiContracts.render(ApiContracts.normalize(json(OPENAPI_31))));
        String changed = OPENAPI_31.replace("\"paths\":{", "\"paths\":{\"/things\":{\"post\":{\"operationId\":\"add\","
                + "\"responses\":{\"201\":{\"description\":\"Created\"}}}},")
                .replace("\"id\":{\"type\":\"string\"}}}}}", "\"id\":{\"type\":\"integer\"}}}}}");

        assertThatThrownBy(() -> ApiContracts.assertMatchesSnapshot("svc", changed, snapshot))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The OpenAPI document served by svc no longer matches its committed contract")
                .hasMessageContaining("(2 differences;")
                .hasMessageContaining("+ $.paths[\"/things\"]: {\"post\":{\"operationId\":\"add\"")
                .hasMessageContaining("~ $.components.schemas.Thing.properties.id.type: \"string\"  ->  \"integer\"")
                .hasMessageContaining("-Dcontracts.update=true");
        assertThat(Files.readString(snapshot)).doesNotContain("integer");
    }

    @Test
    void updateModeRewritesTheSnapshotInsteadOfFailing() throws IOException {
        Path snapshot = dir.resolve("docs").resolve("svc.openapi.json");
        assertThatThrownBy(() -> ApiContracts.assertMatchesSnapshot("svc", OPENAPI_31, snapshot))
                .hasMessageContaining("No committed OpenAPI contract for svc");

        System.setProperty(ApiContracts.UPDATE_PROPERTY, "true");
        ApiContracts.assertMatchesSnapshot("svc", OPENAPI_31, snapshot);
        String changed = OPENAPI_31.replace("\"title\":\"t\"", "\"title\":\"renamed\"");
        ApiContracts.assertMatchesSnapshot("svc", changed, snapshot);
        System.clearProperty(ApiContracts.UPDATE_PROPERTY);

        assertThat(Files.readString(snapshot)).contains("\"title\": \"renamed\"");
        assertThatNoException().isThrownBy(() -> ApiContracts.assertMatchesSnapshot("svc", changed, snapshot));
        assertThatThrownBy(() -> ApiContracts.assertMatchesSnapshot("svc", OPENAPI_31, snapshot))
                .hasMessageContaining("~ $.info.title: \"renamed\"  ->  \"t\"");
    }

    @Test
    void theSnapshotsLiveInDocsApiOfTheRepository() {
        Path contracts = ApiContracts.contractsDirectory();
        assertThat(contracts.getFileName()).hasToString("api");
        assertThat(contracts.getParent().getFileName()).hasToString("docs");
        assertThat(contracts.getParent().getParent().resolve("mvnw")).isRegularFile();
        assertThat(contracts.getParent().getParent().resolve("platform").resolve("pom.xml")).isRegularFile();
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }
}

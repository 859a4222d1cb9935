package cn.referral.registry.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/** asyncapi.yaml describes exactly the four topics and the fields the wire records carry. */
class AsyncApiContractTest {

    @Test
    void everyTopicIsDocumentedWithThePayloadItsWireRecordCarries() throws IOException {
        Map<String, Object> document;
        try (InputStream in = new ClassPathResource("asyncapi.yaml").getInputStream()) {
            document = new Yaml().load(in);
        }
        assertThat(document.get("asyncapi").toString()).startsWith("2.6");
        assertThat(map(document, "channels")).containsOnlyKeys(RegistryTopics.INSTITUTIONS, RegistryTopics.ALLIANCES,
                RegistryTopics.CATALOGS, RegistryTopics.CONTRACTS);
        Map<String, Object> messages = map(map(document, "components"), "messages");
        assertThat(messages.values()).extracting(message -> (Object) String.valueOf(((Map<?, ?>) message).get("name")))
                .containsExactlyInAnyOrder((Object) RegistryTopics.INSTITUTION_SNAPSHOT, RegistryTopics.ALLIANCE_SNAPSHOT,
                        RegistryTopics.CATALOG_SNAPSHOT, RegistryTopics.CONTRACT_SNAPSHOT);
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        for (Class<?> wire : new Class<?>[] {InstitutionSnapshotV1.class, AllianceSnapshotV1.class,
                CatalogSnapshotV1.class, ContractSnapshotV1.class}) {
            assertThat(map(map(schemas, wire.getSimpleName()), "properties").keySet()).as(wire.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(wire.getRecordComponents())
                            .map(RecordComponent::getName).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}

package cn.referral.registry.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.platform.events.published.RegistryTopics;
import cn.referral.platform.testing.AsyncApiDocument;

/** asyncapi.yaml describes exactly the five topics and the fields the wire records carry. */
class AsyncApiContractTest {

    @Test
    void everyTopicIsDocumentedWithThePayloadItsWireRecordCarries() {
        AsyncApiDocument document = AsyncApiDocument.load();
        assertThat(document.root().get("asyncapi").toString()).startsWith("2.6");
        assertThat(document.at("channels")).containsOnlyKeys(RegistryTopics.INSTITUTIONS, RegistryTopics.ALLIANCES,
                RegistryTopics.CATALOGS, RegistryTopics.CONTRACTS, RegistryTopics.PRACTITIONERS);
        Map<String, Object> messages = document.at("components", "messages");
        assertThat(messages.values()).extracting(message -> (Object) String.valueOf(((Map<?, ?>) message).get("name")))
                .containsExactlyInAnyOrder((Object) RegistryTopics.INSTITUTION_SNAPSHOT, RegistryTopics.ALLIANCE_SNAPSHOT,
                        RegistryTopics.CATALOG_SNAPSHOT, RegistryTopics.CONTRACT_SNAPSHOT,
                        RegistryTopics.PRACTITIONER_SNAPSHOT);
        Map<String, Object> schemas = document.at("components", "schemas");
        for (Class<? extends Record> wire : List.of(InstitutionSnapshotV1.class, AllianceSnapshotV1.class,
                CatalogSnapshotV1.class, ContractSnapshotV1.class, PractitionerSnapshotV1.class)) {
            assertThat(AsyncApiDocument.at(schemas, wire.getSimpleName(), "properties").keySet())
                    .as(wire.getSimpleName()).containsExactlyInAnyOrderElementsOf(AsyncApiDocument.fields(wire));
        }
    }
}

package cn.referral.platform.messaging;

import java.util.Objects;
import java.util.function.Function;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.events.published.RegistryTopics;

/**
 * One of the registry's compacted topics as a consuming service keeps it in a local view (DESIGN §2): the
 * consumer's name, the type of the snapshots it reads, and the id a record's key names.
 *
 * <p>Declared once for referral, quota and billing, because each fact is easy to get wrong in one of them:
 * the name keys the consumer's inbox records and metrics, so it never changes; and registry-service keys every
 * topic by the record's own id (a contract by its contract id, not by its patient), so a tombstone's key is that
 * id, typed here, and a consumer cannot read it as something else.
 *
 * @param <K> the id of the records on the topic
 */
public record RegistryView<K>(String consumerName, String snapshotType, Function<String, K> idOfKey) {

    public static final RegistryView<InstitutionId> INSTITUTIONS =
            new RegistryView<>("institution-view", RegistryTopics.INSTITUTION_SNAPSHOT, InstitutionId::new);
    public static final RegistryView<AllianceId> ALLIANCES =
            new RegistryView<>("alliance-view", RegistryTopics.ALLIANCE_SNAPSHOT, AllianceId::new);
    public static final RegistryView<CatalogId> CATALOGS =
            new RegistryView<>("catalog-view", RegistryTopics.CATALOG_SNAPSHOT, CatalogId::new);
    public static final RegistryView<ContractId> CONTRACTS =
            new RegistryView<>("contract-view", RegistryTopics.CONTRACT_SNAPSHOT, ContractId::new);
    public static final RegistryView<PractitionerId> PRACTITIONERS =
            new RegistryView<>("practitioner-view", RegistryTopics.PRACTITIONER_SNAPSHOT, PractitionerId::new);

    public RegistryView {
        Objects.requireNonNull(consumerName, "consumerName");
        Objects.requireNonNull(snapshotType, "snapshotType");
        Objects.requireNonNull(idOfKey, "idOfKey");
    }
}

package cn.referral.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.events.published.RegistryTopics;

class RegistryViewTest {

    @Test
    void theConsumerNamesStayTheOnesEveryServicesInboxRecordsAreKeyedBy() {
        // a renamed consumer would take every event it has handled for new, and handle it again
        assertThat(RegistryView.INSTITUTIONS.consumerName()).isEqualTo("institution-view");
        assertThat(RegistryView.ALLIANCES.consumerName()).isEqualTo("alliance-view");
        assertThat(RegistryView.CATALOGS.consumerName()).isEqualTo("catalog-view");
        assertThat(RegistryView.CONTRACTS.consumerName()).isEqualTo("contract-view");
        assertThat(RegistryView.PRACTITIONERS.consumerName()).isEqualTo("practitioner-view");
    }

    @Test
    void eachViewReadsTheSnapshotsOfItsOwnTopic() {
        assertThat(RegistryView.INSTITUTIONS.snapshotType()).isEqualTo(RegistryTopics.INSTITUTION_SNAPSHOT);
        assertThat(RegistryView.ALLIANCES.snapshotType()).isEqualTo(RegistryTopics.ALLIANCE_SNAPSHOT);
        assertThat(RegistryView.CATALOGS.snapshotType()).isEqualTo(RegistryTopics.CATALOG_SNAPSHOT);
        assertThat(RegistryView.CONTRACTS.snapshotType()).isEqualTo(RegistryTopics.CONTRACT_SNAPSHOT);
        assertThat(RegistryView.PRACTITIONERS.snapshotType()).isEqualTo(RegistryTopics.PRACTITIONER_SNAPSHOT);
    }

    @Test
    void aContractsTombstoneNamesTheContractNotItsPatient() {
        assertThat(RegistryView.CONTRACTS.idOfKey().apply("c-1")).isEqualTo(new ContractId("c-1"));
        assertThat(RegistryView.INSTITUTIONS.idOfKey().apply("na-county-hospital"))
                .isEqualTo(new InstitutionId("na-county-hospital"));
        assertThat(RegistryView.PRACTITIONERS.idOfKey().apply("na-shijing-gp-1"))
                .isEqualTo(new PractitionerId("na-shijing-gp-1"));
    }

    @Test
    void aBlankKeyNamesNoRecord() {
        assertThatThrownBy(() -> RegistryView.CONTRACTS.idOfKey().apply(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.referral.registry.adapter.out.messaging;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.aCommunityCentre;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.events.published.RegistryTopics;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerDetails;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A registry event reaches its compacted topic as the record's snapshot after it, a removal as a tombstone. */
class RegistrySnapshotsTest {

    private static final Instant LATER = NOW.plusSeconds(600);

    private final JsonMapper json = JsonMapper.builder().build();
    private final RegistrySnapshots snapshots = new RegistrySnapshots(
            new EventFactory(json, Clock.fixed(LATER.plusSeconds(5), ZoneOffset.UTC), () -> "event-1"));

    @Test
    void aDeactivationIsTheSnapshotWithItsVersionAndTime() {
        Institution centre = aCommunityCentre("wz-lucheng-nanhui-chc");

        OutboxEvent event = only(centre.deactivate(LATER));

        assertThat(event.topic()).isEqualTo(RegistryTopics.INSTITUTIONS);
        assertThat(event.type()).isEqualTo(RegistryTopics.INSTITUTION_SNAPSHOT);
        assertThat(event.key()).isEqualTo(centre.id().value());
        JsonNode body = json.readTree(event.payload());
        assertThat(body.get("institutionId").asString()).isEqualTo(centre.id().value());
        assertThat(body.get("active").asBoolean()).isFalse();
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(LATER);
    }

    @Test
    void aRemovalIsATombstoneOnTheSameKey() {
        Institution centre = aCommunityCentre("wz-lucheng-nanhui-chc");

        OutboxEvent event = only(centre.remove(LATER));

        assertThat(event.topic()).isEqualTo(RegistryTopics.INSTITUTIONS);
        assertThat(event.key()).isEqualTo(centre.id().value());
        assertThat(event.payload()).isNull();
    }

    @Test
    void aRegisteredPractitionerIsWhereTheyWorkAndInWhichRoleButNotTheirName() {
        OutboxEvent event = only(Practitioner.register(new PractitionerId("na-shijing-gp-1"), aGeneralPractitioner(),
                LATER));

        assertThat(event.topic()).isEqualTo(RegistryTopics.PRACTITIONERS);
        assertThat(event.type()).isEqualTo(RegistryTopics.PRACTITIONER_SNAPSHOT);
        assertThat(event.key()).isEqualTo("na-shijing-gp-1");
        JsonNode body = json.readTree(event.payload());
        assertThat(body.get("practitionerId").asString()).isEqualTo("na-shijing-gp-1");
        assertThat(body.get("institutionId").asString()).isEqualTo("na-shijing-thc");
        assertThat(body.get("role").asString()).isEqualTo("GENERAL_PRACTITIONER");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(LATER);
        assertThat(event.payload()).doesNotContain("黄志明");
    }

    @Test
    void aPractitionerWhoLeftIsInactiveAtTheNextVersionAndOneRegisteredInErrorIsATombstone() {
        Practitioner registered = Practitioner.register(new PractitionerId("na-shijing-gp-1"), aGeneralPractitioner(),
                NOW).state();

        OutboxEvent left = only(registered.deactivate(LATER));
        JsonNode body = json.readTree(left.payload());
        assertThat(left.topic()).isEqualTo(RegistryTopics.PRACTITIONERS);
        assertThat(left.key()).isEqualTo("na-shijing-gp-1");
        assertThat(body.get("active").asBoolean()).isFalse();
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(body.get("role").asString()).isEqualTo("GENERAL_PRACTITIONER");

        OutboxEvent removed = only(registered.remove(LATER));
        assertThat(removed.topic()).isEqualTo(RegistryTopics.PRACTITIONERS);
        assertThat(removed.type()).isEqualTo(RegistryTopics.PRACTITIONER_SNAPSHOT);
        assertThat(removed.key()).isEqualTo("na-shijing-gp-1");
        assertThat(removed.payload()).isNull();
    }

    /** 黄志明, general practitioner (主治医师) of the 石井 township health centre. */
    private static PractitionerDetails aGeneralPractitioner() {
        return new PractitionerDetails("黄志明", new InstitutionId("na-shijing-thc"),
                PractitionerRole.GENERAL_PRACTITIONER, "主治医师", "全科");
    }

    private OutboxEvent only(Outcome<?> change) {
        List<OutboxEvent> outbox = snapshots.toOutbox(change.events()).block(Duration.ofSeconds(5));
        assertThat(outbox).hasSize(1);
        return outbox.get(0);
    }
}

package cn.referral.registry.domain;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.TODAY;
import static cn.referral.registry.domain.Fixtures.aCatalog;
import static cn.referral.registry.domain.Fixtures.aCommunityCentre;
import static cn.referral.registry.domain.Fixtures.aSpecialtyAlliance;
import static cn.referral.registry.domain.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.AllianceEvent;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.catalog.CatalogDetails;
import cn.referral.registry.domain.catalog.CatalogEvent;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.contract.ContractEvent;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionDetails;
import cn.referral.registry.domain.institution.InstitutionEvent;
import cn.referral.registry.domain.institution.InstitutionKind;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.institution.RegionCode;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerDetails;
import cn.referral.registry.domain.practitioner.PractitionerEvent;
import cn.referral.registry.domain.practitioner.PractitionerRole;

/**
 * Every registry operation announces what happened: one event, naming the operation, with the record as
 * it is after the change, its version then and the time the caller's clock gave. Only a removal withdraws
 * the record (a tombstone on its topic); deactivation and the rest leave a snapshot.
 */
class RegistryEventsTest {

    private static final Instant LATER = NOW.plusSeconds(3_600);

    @Test
    void institutionOperationsEmitTheirEvents() {
        InstitutionDetails details = new InstitutionDetails("鹿城区南汇街道社区卫生服务中心", "12330302DM0000002X",
                InstitutionLevel.PRIMARY, InstitutionKind.COMMUNITY_HEALTH_CENTRE, new RegionCode("330302"),
                List.of("全科"), "鹿城区南汇片区");

        Outcome<Institution> registered = Institution.register(new InstitutionId("nanhui"), details, NOW);
        Outcome<Institution> revised = registered.state().revise(details, LATER);
        Outcome<Institution> deactivated = revised.state().deactivate(LATER.plusSeconds(1));
        Outcome<Institution> removed = deactivated.state().remove(LATER.plusSeconds(2));

        assertLifecycle(new Emitted(registered, InstitutionEvent.Registered.class, 1, NOW),
                new Emitted(revised, InstitutionEvent.Revised.class, 2, LATER),
                new Emitted(deactivated, InstitutionEvent.Deactivated.class, 3, LATER.plusSeconds(1)),
                new Emitted(removed, InstitutionEvent.Removed.class, 4, LATER.plusSeconds(2)));
    }

    @Test
    void allianceOperationsEmitTheirEvents() {
        AllianceDetails details = new AllianceDetails("温州市心血管专科联盟", AllianceType.SPECIALTY_ALLIANCE,
                new RegionCode("330300"), List.of(new InstitutionId("wz-peoples-hospital")), null,
                List.of(new InstitutionId("wz-lucheng-guanghua-chc")), List.of());

        Outcome<Alliance> formed = Alliance.form(new AllianceId("cardiology"), details, NOW);
        Outcome<Alliance> revised = formed.state().revise(details, LATER);
        Outcome<Alliance> deactivated = revised.state().deactivate(LATER);
        Outcome<Alliance> removed = aSpecialtyAlliance("other", "lead", "member").remove(LATER);

        assertLifecycle(new Emitted(formed, AllianceEvent.Formed.class, 1, NOW),
                new Emitted(revised, AllianceEvent.Revised.class, 2, LATER),
                new Emitted(deactivated, AllianceEvent.Deactivated.class, 3, LATER),
                new Emitted(removed, AllianceEvent.Removed.class, 2, LATER));
    }

    @Test
    void catalogOperationsEmitTheirEvents() {
        CatalogDetails details = new CatalogDetails("上转病种目录", ReferralDirection.UP, InstitutionLevel.TERTIARY,
                LocalDate.of(2026, 1, 1), List.of(entry("I21")));

        Outcome<DiseaseCatalog> published = DiseaseCatalog.publish(new CatalogId("up-tertiary"), details, NOW);
        Outcome<DiseaseCatalog> revised = published.state().revise(details, LATER);
        Outcome<DiseaseCatalog> deactivated = revised.state().deactivate(LATER);
        Outcome<DiseaseCatalog> removed = aCatalog("other", ReferralDirection.DOWN, InstitutionLevel.PRIMARY, TODAY,
                entry("J44")).remove(LATER);

        assertLifecycle(new Emitted(published, CatalogEvent.Published.class, 1, NOW),
                new Emitted(revised, CatalogEvent.Revised.class, 2, LATER),
                new Emitted(deactivated, CatalogEvent.Deactivated.class, 3, LATER),
                new Emitted(removed, CatalogEvent.Removed.class, 2, LATER));
    }

    @Test
    void contractOperationsEmitTheirEvents() {
        ContractTerms terms = new ContractTerms(aCommunityCentre("chc").id(), null, null, new PractitionerId("gp"),
                TODAY, TODAY.plusYears(1));

        Outcome<FamilyDoctorContract> signed = FamilyDoctorContract.sign(new ContractId("k"), "ref", null, terms, NOW);
        Outcome<FamilyDoctorContract> renewed = signed.state().revise(new ContractTerms(terms.primaryInstitutionId(),
                null, null, new PractitionerId("gp"), TODAY.plusYears(1), TODAY.plusYears(2)), LATER);
        Outcome<FamilyDoctorContract> terminated = renewed.state().terminate(LATER);
        Outcome<FamilyDoctorContract> removed = terminated.state().remove(LATER);

        assertLifecycle(new Emitted(signed, ContractEvent.Signed.class, 1, NOW),
                new Emitted(renewed, ContractEvent.Revised.class, 2, LATER),
                new Emitted(terminated, ContractEvent.Terminated.class, 3, LATER),
                new Emitted(removed, ContractEvent.Removed.class, 4, LATER));
    }

    @Test
    void practitionerOperationsEmitTheirEvents() {
        PractitionerDetails details = new PractitionerDetails("陈晓红", new InstitutionId("chc"),
                PractitionerRole.GENERAL_PRACTITIONER, "主治医师", "全科");

        Outcome<Practitioner> registered = Practitioner.register(new PractitionerId("gp"), details, NOW);
        Outcome<Practitioner> revised = registered.state().revise(details, LATER);
        Outcome<Practitioner> deactivated = revised.state().deactivate(LATER.plusSeconds(1));
        Outcome<Practitioner> removed = deactivated.state().remove(LATER.plusSeconds(2));

        assertLifecycle(new Emitted(registered, PractitionerEvent.Registered.class, 1, NOW),
                new Emitted(revised, PractitionerEvent.Revised.class, 2, LATER),
                new Emitted(deactivated, PractitionerEvent.Deactivated.class, 3, LATER.plusSeconds(1)),
                new Emitted(removed, PractitionerEvent.Removed.class, 4, LATER.plusSeconds(2)));
    }

    /** One operation's outcome and the one event it must emit: its type, the record's version then, and when. */
    private record Emitted(Outcome<? extends RegistryRecord<?>> change, Class<?> type, long version, Instant occurredAt) {
    }

    /** A record's life: each operation emits only its event, and only the removal withdraws the record. */
    private static void assertLifecycle(Emitted created, Emitted revised, Emitted ended, Emitted removed) {
        for (Emitted step : List.of(created, revised, ended, removed)) {
            assertOnlyEvent(step.change(), step.type(), step.version(), step.occurredAt());
        }
        assertWithdrawnOnlyBy(removed.change(), created.change(), revised.change(), ended.change());
    }

    private static void assertOnlyEvent(Outcome<? extends RegistryRecord<?>> change, Class<?> type, long version,
                                        Instant occurredAt) {
        assertThat(change.changed()).isTrue();
        assertThat(change.events()).singleElement().satisfies(event -> {
            assertThat(event).isInstanceOf(type);
            assertThat(event.record()).isEqualTo(change.state());
            assertThat(event.version()).isEqualTo(version).isEqualTo(change.state().version());
            assertThat(event.occurredAt()).isEqualTo(occurredAt);
        });
    }

    @SafeVarargs
    private static void assertWithdrawnOnlyBy(Outcome<? extends RegistryRecord<?>> removal,
                                              Outcome<? extends RegistryRecord<?>>... others) {
        assertThat(removal.withdrawsRecord()).isTrue();
        assertThat(removal.state().active()).isFalse();
        assertThat(others).noneMatch(Outcome::withdrawsRecord);
    }
}

package cn.referral.referral.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.EntityExchangeResult;


import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.testing.MongoCommandLog;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.support.ReferralItSupport;
import tools.jackson.databind.JsonNode;

/**
 * A submission decides eligibility on the catalogs without reading the whole {@code catalog_view}
 * (issue #14): it reads the view's revision by {@code _id} and uses this instance's copy while the
 * revision holds. A change stored by another replica (whose consumer got the catalog event: a
 * consumer group hands it to one instance) is used by the very next submission here. What the service
 * asks the database is watched with a driver command listener.
 */
@ServiceIntegrationTest
@Import({MutableClockConfiguration.class, CatalogViewCopyIT.CommandLog.class})
class CatalogViewCopyIT extends ReferralItSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private MongoCommandLog commands;

    @Test
    void submissionsAfterTheFirstReadTheViewsRevisionByIdAndNotOneCatalog() {
        assertThat(submit(upReferralFor(1, "I63.9")).getStatus().value()).isEqualTo(201);
        commands.clear();

        for (int n = 2; n <= 5; n++) {
            EntityExchangeResult<String> created = submit(upReferralFor(n, "I63.9"));
            assertThat(created.getStatus().value()).as(created.getResponseBody()).isEqualTo(201);
            JsonNode eligibility = json(created).get("eligibility");
            assertThat(eligibility.get("inCatalog").asBoolean()).isTrue();
            assertThat(eligibility.get("catalogId").asString()).isEqualTo("up-tertiary");
        }

        assertThat(commands.findFilters(MongoReferenceData.CATALOGS)).as("reads of catalog_view").isEmpty();
        assertThat(commands.findFilters(CatalogViewCopy.REVISIONS)).as("one read of the revision per submission")
                .hasSize(4)
                .allSatisfy(fields -> assertThat(fields).containsExactly("_id"));
    }

    @Test
    void aCatalogStoredRemovedOrRedeliveredByAnotherReplicaDecidesTheNextSubmissionHere() {
        // another replica of referral-service: its own adapter on the same database
        MongoReferenceData otherReplica = new MongoReferenceData(mongo, clock);
        assertThat(refusalCode(submit(upReferralFor(11, "J44.1")))).as("COPD before the catalog")
                .isEqualTo("outside-catalog");

        assertThat(otherReplica.catalogView().keepIfNewer(respiratory(1, "J44")).block(WAIT)).isTrue();
        commands.clear();
        EntityExchangeResult<String> inCatalog = submit(upReferralFor(12, "J44.1"));
        assertThat(inCatalog.getStatus().value()).as(inCatalog.getResponseBody()).isEqualTo(201);
        assertThat(json(inCatalog).get("eligibility").get("catalogId").asString()).isEqualTo("up-respiratory");
        assertThat(commands.findFilters(MongoReferenceData.CATALOGS)).as("the view read again once, after the change")
                .hasSize(1);

        // the same snapshot delivered again, and an older one late: neither changes the view
        assertThat(otherReplica.catalogView().keepIfNewer(respiratory(1, "J45")).block(WAIT)).isFalse();
        assertThat(otherReplica.catalogView().keepIfNewer(respiratory(0, "J45")).block(WAIT)).isFalse();
        assertThat(refusalCode(submit(upReferralFor(13, "J45.0")))).isEqualTo("outside-catalog");
        assertThat(submit(upReferralFor(14, "J44.1")).getStatus().value()).isEqualTo(201);

        otherReplica.catalogView().remove(new CatalogId("up-respiratory")).block(WAIT);
        assertThat(refusalCode(submit(upReferralFor(15, "J44.1")))).as("COPD after the catalog was withdrawn")
                .isEqualTo("outside-catalog");
    }

    private static Catalog respiratory(long version, String code) {
        return new Catalog(new CatalogId("up-respiratory"), "呼吸系统上转病种目录", Direction.UP, InstitutionLevel.TERTIARY, version,
                LocalDate.parse("2020-01-01"), true, List.of(new CatalogEntry(code, code, Set.of())));
    }

    private EntityExchangeResult<String> submit(Map<String, Object> body) {
        return submit(centreDoctor, body, null);
    }

    private Map<String, Object> upReferralFor(int patient, String diagnosis) {
        Map<String, Object> body = upReferral(idNumber(patient), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        body.put("diagnosis", Map.of("code", diagnosis, "name", diagnosis));
        return body;
    }

    private static String refusalCode(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(422);
        return json(result).get("code").asString();
    }

    /** What this service asks the database, watched on its own client. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CommandLog {

        @Bean
        MongoCommandLog commandLog() {
            return new MongoCommandLog();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer logCommands(MongoCommandLog log) {
            return settings -> settings.addCommandListener(log);
        }
    }
}

package cn.referral.referral.config;

import java.time.Clock;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.util.IdGenerator;

import cn.referral.platform.events.published.ReferralTopics;
import cn.referral.platform.scheduling.PeriodicJob;
import cn.referral.referral.application.KpiService;
import cn.referral.referral.application.QuotaSagaService;
import cn.referral.referral.application.ReferenceDataService;
import cn.referral.referral.application.ReferralPolicies;
import cn.referral.referral.application.ReferralService;
import cn.referral.referral.application.SlaTimerService;
import cn.referral.referral.application.UpReferralLinks;
import cn.referral.referral.application.port.out.SourceDeductibleBounds;
import cn.referral.referral.application.port.in.UpReferralLinkUseCases;
import cn.referral.referral.application.port.in.KpiUseCases;
import cn.referral.referral.application.port.in.QuotaSagaUseCases;
import cn.referral.referral.application.port.in.ReferralUseCases;
import cn.referral.referral.application.port.in.SlaTimerUseCases;
import cn.referral.referral.application.port.out.AuditTrail;
import cn.referral.referral.application.port.out.IdempotencyKeys;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.PatientDataProtection;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.application.port.out.ReferralMetrics;
import cn.referral.referral.application.port.out.ReferralReports;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.application.port.out.SlotLedger;
import cn.referral.referral.domain.policy.ContractedFirstReception;
import cn.referral.referral.domain.policy.NoShowRule;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralProperties.class)
class ReferralConfiguration {

    /** One service keeps every local view of the registry; it answers both use-case ports. */
    @Bean
    ReferenceDataService referenceDataService(InstitutionDirectory institutions, ReferenceData referenceData) {
        return new ReferenceDataService(institutions, referenceData);
    }

    @Bean
    ReferralPolicies referralPolicies(ReferralProperties properties) {
        return new ReferralPolicies(properties.deadlines(), new NoShowRule(properties.noShowAfter()), properties.zone(),
                new ContractedFirstReception(Set.copyOf(properties.contractedFirstReceptionRegions())));
    }

    @Bean
    ReferralUseCases referralUseCases(ReferralStore store, IdempotencyKeys keys, InstitutionDirectory institutions,
                                      ReferenceData referenceData, PatientDataProtection protection, AuditTrail audit,
                                      ReferralMetrics metrics, ReferralPolicies policies, Clock clock, IdGenerator ids,
                                      UpReferralLinks upLinks, SourceDeductibleBounds sourceBounds) {
        return new ReferralService(store, keys, institutions, referenceData, protection, audit, metrics, policies, clock,
                () -> ids.generateId().toString(), upLinks, sourceBounds);
    }

    @Bean
    UpReferralLinks upReferralLinks(ReferralStore store, Clock clock, ReferralProperties properties) {
        return new UpReferralLinks(store, clock, properties.upLinkGrace(), properties.timerBatch());
    }

    /**
     * Every replica runs it: makes the closed-loop links a crash left unmade (a link made twice changes
     * nothing, so two replicas meeting on one do no harm).
     */
    @Bean
    PeriodicJob referralUpLinks(UpReferralLinkUseCases links, ReferralProperties properties) {
        return new PeriodicJob("referral-up-links", properties.upLinkGrace(), links::linkPending);
    }

    @Bean
    QuotaSagaUseCases quotaSagaUseCases(ReferralStore store, SlotLedger ledger, ReferralMetrics metrics, Clock clock) {
        return new QuotaSagaService(store, ledger, metrics, clock);
    }

    @Bean
    KpiUseCases kpiUseCases(ReferralReports reports, SlotLedger ledger, ReferenceData referenceData,
                            InstitutionDirectory institutions, ReferralPolicies policies, Clock clock) {
        return new KpiService(reports, ledger, referenceData, institutions, policies.zone(), clock);
    }

    @Bean
    SlaTimerUseCases slaTimerUseCases(ReferralStore store, ReferralMetrics metrics, Clock clock,
                                      ReferralProperties properties) {
        return new SlaTimerService(store, metrics, clock, properties.timerLease(), properties.timerBatch());
    }

    /** Every replica runs it; each due referral is claimed by one of them at a time. */
    @Bean
    PeriodicJob referralSlaTimers(SlaTimerUseCases timers, ReferralProperties properties) {
        return new PeriodicJob("referral-sla-timers", properties.timerInterval(), timers::applyDueDeadlines);
    }

    /** Keyed by referral id, so one referral's events stay in order on one partition. */
    @Bean
    NewTopic referralEventsTopic(@Value("${KAFKA_PARTITIONS:3}") int partitions,
                                 @Value("${platform.messaging.replication-factor:1}") short replicas) {
        return TopicBuilder.name(ReferralTopics.REFERRAL_EVENTS).partitions(partitions).replicas(replicas).build();
    }
}

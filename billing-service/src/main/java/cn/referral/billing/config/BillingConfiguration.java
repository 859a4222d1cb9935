package cn.referral.billing.config;

import java.time.Clock;
import java.time.Period;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.util.IdGenerator;

import cn.referral.billing.application.DecisionService;
import cn.referral.billing.application.ReferenceDataService;
import cn.referral.billing.application.ScheduleService;
import cn.referral.billing.application.port.out.AllianceDirectory;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.billing.application.port.out.DecisionMetrics;
import cn.referral.billing.application.port.out.DecisionStore;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.application.port.out.PolicyStore;
import cn.referral.billing.application.port.out.ScheduleStore;
import cn.referral.platform.events.published.BillingTopics;

@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    /** Serves both issuing (from referral events) and reading (for settlement) decisions. */
    @Bean
    DecisionService decisionService(DecisionStore decisions, InstitutionDirectory institutions,
                                    AllianceDirectory alliances, ScheduleStore schedules, PolicyStore policies,
                                    DecisionMetrics metrics, Clock clock, IdGenerator ids,
                                    @Value("${billing.decision-validity:P30D}") Period validity,
                                    AuditTrail audit) {
        return new DecisionService(decisions, institutions, alliances, schedules, policies, metrics, clock,
                () -> ids.generateId().toString(), validity, audit);
    }

    @Bean
    ScheduleService scheduleService(ScheduleStore schedules, PolicyStore policies, InstitutionDirectory institutions) {
        return new ScheduleService(schedules, policies, institutions);
    }

    @Bean
    ReferenceDataService referenceDataService(InstitutionDirectory institutions, AllianceDirectory alliances) {
        return new ReferenceDataService(institutions, alliances);
    }

    /** Decisions keyed by referral id: one referral's issue and revocation stay in order on one partition. */
    @Bean
    NewTopic decisionsTopic(@Value("${KAFKA_PARTITIONS:3}") int partitions,
                            @Value("${platform.messaging.replication-factor:1}") short replicas) {
        return TopicBuilder.name(BillingTopics.DECISIONS).partitions(partitions).replicas(replicas).build();
    }
}

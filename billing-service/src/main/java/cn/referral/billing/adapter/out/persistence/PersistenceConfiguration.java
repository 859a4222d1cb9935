package cn.referral.billing.adapter.out.persistence;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.audit.AuditConfiguration;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealedFields;
import cn.referral.platform.scheduling.PeriodicJob;

/** Reads of decisions and settlement exports are audited, chained per day so a rewritten record shows (DESIGN §5). */
@Configuration(proxyBeanMethods = false)
@Import(AuditConfiguration.class)
class PersistenceConfiguration {

    /** After a data key rotation, moves every sealed insured person number to the current key (docs/patient-data-keys.md). */
    @Bean
    PeriodicJob patientDataReseal(ReactiveMongoTemplate mongo, PatientDataCrypto crypto,
                                  @Value("${platform.patient-data.reseal-interval:5m}") Duration interval) {
        SealedFields decisions = new SealedFields(mongo, crypto, DecisionDocument.COLLECTION,
                DecisionDocument.COLLECTION, List.of(new SealedFields.Field("insuredPersonNoSealed", "insuredPersonNo")));
        return new PeriodicJob("patient-data-reseal", interval, () -> decisions.resealBatch(100));
    }

    /** Indexes exist before the first event is consumed: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton billingIndexes(MongoDecisionStore decisions, MongoAuditTrail audit) {
        return () -> decisions.ensureIndexes().then(audit.ensureIndexes()).block(Duration.ofSeconds(30));
    }
}

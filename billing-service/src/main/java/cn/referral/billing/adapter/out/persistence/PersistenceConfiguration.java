package cn.referral.billing.adapter.out.persistence;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.audit.AuditConfiguration;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealedFields;

/** Reads of decisions and settlement exports are audited, chained per day so a rewritten record shows (DESIGN §5). */
@Configuration(proxyBeanMethods = false)
@Import(AuditConfiguration.class)
class PersistenceConfiguration {

    /** The sealed insured person numbers, which platform's re-seal job moves to the current key (docs/patient-data-keys.md). */
    @Bean
    SealedFields sealedDecisions(ReactiveMongoTemplate mongo, PatientDataCrypto crypto) {
        return new SealedFields(mongo, crypto, DecisionDocument.COLLECTION, DecisionDocument.COLLECTION,
                List.of(new SealedFields.Field("insuredPersonNoSealed", "insuredPersonNo")));
    }

    /** Indexes exist before the first event is consumed: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton billingIndexes(MongoDecisionStore decisions, MongoAuditTrail audit) {
        return () -> decisions.ensureIndexes().then(audit.ensureIndexes()).block(Duration.ofSeconds(30));
    }
}

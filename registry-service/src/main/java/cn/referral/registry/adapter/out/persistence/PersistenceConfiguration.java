package cn.referral.registry.adapter.out.persistence;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.audit.AuditChain;
import cn.referral.platform.audit.AuditChainController;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /** Reads of contracts' patient data, chained per day so a rewritten record shows (DESIGN §5). */
    @Bean
    AuditChain auditChain(ReactiveMongoTemplate mongo) {
        return new AuditChain(mongo, MongoAuditTrail.COLLECTION);
    }

    @Bean
    AuditChainController auditChainController(AuditChain auditChain) {
        return new AuditChainController(auditChain);
    }

    /** Unique indexes must exist before the first request: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton registryIndexes(MongoInstitutionStore institutions, MongoAllianceStore alliances,
                                               MongoContractStore contracts, MongoAuditTrail audit) {
        return () -> institutions.ensureIndexes()
                .then(alliances.ensureIndexes())
                .then(contracts.ensureIndexes())
                .then(audit.ensureIndexes())
                .block(Duration.ofSeconds(30));
    }
}

package cn.referral.registry.adapter.out.persistence;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import cn.referral.platform.audit.AuditConfiguration;

/** Reads of contracts' patient data are audited, chained per day so a rewritten record shows (DESIGN §5). */
@Configuration(proxyBeanMethods = false)
@Import(AuditConfiguration.class)
class PersistenceConfiguration {

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

package cn.referral.platform.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The audit chain over a service's {@value AuditStore#COLLECTION} collection and its verification at
 * {@code GET /audit/chain?day=}. Not auto-configured: a service that keeps audit records imports it
 * ({@code @Import(AuditConfiguration.class)}), so services without them do not offer the endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /** Reads of patient data, chained per day so a rewritten record shows (DESIGN §5). */
    @Bean
    public AuditChain auditChain(ReactiveMongoTemplate mongo) {
        return new AuditChain(mongo, AuditStore.COLLECTION);
    }

    @Bean
    public AuditChainController auditChainController(AuditChain auditChain) {
        return new AuditChainController(auditChain);
    }
}

package cn.referral.billing.adapter.out.persistence;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /** Indexes exist before the first event is consumed: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton billingIndexes(MongoDecisionStore decisions) {
        return () -> decisions.ensureIndexes().block(Duration.ofSeconds(30));
    }
}

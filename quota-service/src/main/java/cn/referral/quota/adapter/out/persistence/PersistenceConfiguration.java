package cn.referral.quota.adapter.out.persistence;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /** Unique indexes must exist before the first request or event: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton quotaIndexes(MongoPoolStore pools, MongoWaitlistStore waitlist) {
        return () -> pools.ensureIndexes().then(waitlist.ensureIndexes()).block(Duration.ofSeconds(30));
    }
}

package cn.referral.referral.adapter.out.persistence;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /** Indexes exist before the first request: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton referralIndexes(MongoReferralStore referrals, MongoAuditTrail audit,
                                               MongoSlotLedger slots) {
        return () -> referrals.ensureIndexes().then(audit.ensureIndexes()).then(slots.ensureIndexes())
                .block(Duration.ofSeconds(30));
    }
}

package cn.referral.referral.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;

import cn.referral.referral.application.ReferralQueryService;
import cn.referral.referral.application.port.in.ReferralQueries;
import cn.referral.referral.application.port.out.AuditTrail;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.application.port.out.ReferralFinder;
import cn.referral.referral.application.port.out.ReferralStore;

/** The read-only use cases behind the FHIR view (docs/fhir.md). */
@Configuration(proxyBeanMethods = false)
class ReferralQueryConfiguration {

    @Bean
    ReferralQueries referralQueries(ReferralStore store, ReferralFinder finder, InstitutionDirectory institutions,
                                    ReferenceData referenceData, AuditTrail audit, Clock clock, IdGenerator ids) {
        return new ReferralQueryService(store, finder, institutions, referenceData, audit, clock,
                () -> ids.generateId().toString());
    }
}

package cn.referral.billing.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;

import cn.referral.billing.application.TransferFilingService;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.billing.application.port.out.DecisionStore;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.application.port.out.TransferFilingStore;

/** The 转院备案 (2501/2502) use cases (docs/insurance-2501.md). */
@Configuration(proxyBeanMethods = false)
class TransferFilingConfiguration {

    @Bean
    TransferFilingService transferFilingService(TransferFilingStore filings, DecisionStore decisions,
                                                InstitutionDirectory institutions, Clock clock, IdGenerator ids,
                                                AuditTrail audit) {
        return new TransferFilingService(filings, decisions, institutions, clock, () -> ids.generateId().toString(),
                audit);
    }
}

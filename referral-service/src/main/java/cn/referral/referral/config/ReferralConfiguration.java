package cn.referral.referral.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.referral.referral.application.InstitutionViewService;
import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.application.port.out.InstitutionDirectory;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    @Bean
    InstitutionViewUseCases institutionViewUseCases(InstitutionDirectory directory) {
        return new InstitutionViewService(directory);
    }
}

package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.RegionCode;
import cn.referral.billing.domain.RegionPolicy;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Mono;

/** Region policies: set by registry administrators, read by anyone authenticated. */
public interface PolicyUseCases {

    /** Creates or replaces the region's policy; {@code NotPermitted} unless REGISTRY_ADMIN. */
    Mono<RegionPolicy> define(Caller caller, RegionPolicy policy);

    Mono<RegionPolicy> find(RegionCode region);
}

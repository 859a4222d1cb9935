package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Mono;

/** Region policies: set by registry administrators, read by anyone authenticated. */
public interface PolicyUseCases {

    /** Creates or replaces the region's policy; {@code NotPermitted} unless REGISTRY_ADMIN. */
    Mono<RegionPolicy> define(Caller caller, RegionPolicy policy);

    /** The region's own policy; {@code NotFound} if it has none. */
    Mono<RegionPolicy> find(RegionCode region);
}

package cn.referral.billing.application.port.out;

import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import reactor.core.publisher.Mono;

public interface PolicyStore {

    /** Creates or replaces the region's policy; emits it with its new version. */
    Mono<RegionPolicy> save(RegionPolicy policy);

    Mono<RegionPolicy> find(RegionCode region);
}

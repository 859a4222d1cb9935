package cn.referral.billing.application.port.out;

import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.RegionCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ScheduleStore {

    /** Creates or replaces the schedule of its region, scheme and year; emits it with its new version. */
    Mono<DeductibleSchedule> save(DeductibleSchedule schedule);

    Mono<DeductibleSchedule> find(RegionCode region, InsuranceScheme scheme, int year);

    /** The schedule of the nearest region along {@code region}'s chain (county → city → province) that has one. */
    default Mono<DeductibleSchedule> resolve(RegionCode region, InsuranceScheme scheme, int year) {
        return Flux.fromIterable(region.chain()).concatMap(code -> find(code, scheme, year)).next();
    }
}

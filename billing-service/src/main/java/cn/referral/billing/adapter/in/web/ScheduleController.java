package cn.referral.billing.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.ScheduleUseCases;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

/** Deductible schedules: region (GB/T 2260) × scheme × year, amounts in fen per care type and level. */
@RestController
class ScheduleController {


    private final ScheduleUseCases schedules;

    ScheduleController(ScheduleUseCases schedules) {
        this.schedules = schedules;
    }

    /** Creates or replaces the schedule (REGISTRY_ADMIN). */
    @PutMapping("/schedules/{region}/{scheme}/{year}")
    Mono<ScheduleResponse> define(@PathVariable @Pattern(regexp = RegionPath.PATTERN,
            message = RegionPath.MESSAGE) String region,
                                  @PathVariable InsuranceScheme scheme,
                                  @PathVariable @Min(2000) @Max(2100) int year,
                                  @Valid @RequestBody ScheduleRequest request, Caller caller) {
        return Mono.fromSupplier(() -> request.toSchedule(new RegionCode(region), scheme, year))
                .flatMap(schedule -> schedules.define(caller, schedule))
                .map(ScheduleResponse::of);
    }

    @GetMapping("/schedules/{region}/{scheme}/{year}")
    Mono<ScheduleResponse> find(@PathVariable @Pattern(regexp = RegionPath.PATTERN,
            message = RegionPath.MESSAGE) String region,
                                @PathVariable InsuranceScheme scheme, @PathVariable int year) {
        return schedules.find(new RegionCode(region), scheme, year)
                .map(ScheduleResponse::of);
    }
}

package cn.referral.billing.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.PolicyUseCases;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

/** Region policies: which deductible rules apply, in what order, where. */
@RestController
class PolicyController {

    private final PolicyUseCases policies;

    PolicyController(PolicyUseCases policies) {
        this.policies = policies;
    }

    /** Creates or replaces the region's policy (REGISTRY_ADMIN). */
    @PutMapping("/policies/{region}")
    Mono<PolicyResponse> define(@PathVariable @Pattern(regexp = RegionPath.PATTERN,
            message = RegionPath.MESSAGE) String region,
                                @Valid @RequestBody PolicyRequest request, Caller caller) {
        return Mono.fromSupplier(() -> request.toPolicy(new RegionCode(region)))
                .flatMap(policy -> policies.define(caller, policy))
                .map(PolicyResponse::of);
    }

    @GetMapping("/policies/{region}")
    Mono<PolicyResponse> find(@PathVariable @Pattern(regexp = RegionPath.PATTERN,
            message = RegionPath.MESSAGE) String region) {
        return policies.find(new RegionCode(region))
                .map(PolicyResponse::of);
    }
}

package cn.referral.quota.application;

import java.time.LocalDate;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.quota.application.port.out.ReferenceViews;
import cn.referral.quota.domain.policy.ReservePolicies;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.pool.HoldRequest;
import reactor.core.publisher.Mono;

/** Finds the reserve policy of a pool's institution (by its region) and whether a patient is served first. */
class ReservePolicyLookup {

    private final ReservePolicies policies;
    private final ReferenceViews views;

    ReservePolicyLookup(ReservePolicies policies, ReferenceViews views) {
        this.policies = policies;
        this.views = views;
    }

    Mono<ReservePolicy> forInstitution(InstitutionId institutionId) {
        if (policies.byRegion().isEmpty()) {
            return Mono.just(ReservePolicies.DEFAULT);
        }
        return views.regionOf(institutionId).map(region -> policies.of(region.orElse(null)));
    }

    /** The request, with whether its patient is contracted with the referring institution on {@code day}. */
    Mono<HoldRequest> withContract(HoldRequest request, String patientRef, InstitutionId fromInstitutionId,
                                     LocalDate day) {
        if (patientRef == null || fromInstitutionId == null || !request.contracted()) {
            return Mono.just(request);
        }
        return views.contractedPrimaryOf(patientRef, day)
                .map(primary -> ReservePolicies.referredByContractedPrimary(primary.orElse(null), fromInstitutionId))
                .map(request::withReferredByContractedPrimary);
    }
}

package cn.referral.billing.application;

import java.time.LocalDate;

import cn.referral.billing.application.port.in.DeductibleCheck;
import cn.referral.billing.application.port.in.PolicyUseCases;
import cn.referral.billing.application.port.in.ScheduleUseCases;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.application.port.out.PolicyStore;
import cn.referral.billing.application.port.out.ScheduleStore;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.policy.AlreadyPaidWithinSourceDeductible;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.platform.application.NotFound;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Mono;

/** Deductible schedules and region policies: the reference data decisions are made from. */
public class ScheduleService implements ScheduleUseCases, PolicyUseCases {

    private final ScheduleStore schedules;
    private final PolicyStore policies;
    private final InstitutionDirectory institutions;

    public ScheduleService(ScheduleStore schedules, PolicyStore policies, InstitutionDirectory institutions) {
        this.schedules = schedules;
        this.policies = policies;
        this.institutions = institutions;
    }

    @Override
    public Mono<DeductibleCheck> checkPaid(RegionCode region, InsuranceScheme scheme, InstitutionId sourceInstitutionId,
                                           LocalDate admissionDate, Fen paid) {
        int year = admissionDate.getYear();
        return Mono.zip(institutions.find(sourceInstitutionId), schedules.resolve(region, scheme, year))
                .map(found -> new DeductibleCheck(found.getT1(), found.getT2().region(), year,
                        AlreadyPaidWithinSourceDeductible.bound(found.getT1().level(), found.getT2()), paid))
                .switchIfEmpty(Mono.error(() -> new NotFound("Institution or schedule",
                        sourceInstitutionId.value() + " / " + region.value() + "/" + scheme + "/" + year)));
    }

    @Override
    public Mono<DeductibleSchedule> define(Caller caller, DeductibleSchedule schedule) {
        return Mono.fromRunnable(() -> AccessRules.requireAdministrator(caller, "Deductible schedules"))
                .then(schedules.save(schedule));
    }

    @Override
    public Mono<DeductibleSchedule> find(RegionCode region, InsuranceScheme scheme, int year) {
        return schedules.find(region, scheme, year)
                .switchIfEmpty(Mono.error(() -> new NotFound("Schedule", region.value() + "/" + scheme + "/" + year)));
    }

    @Override
    public Mono<RegionPolicy> define(Caller caller, RegionPolicy policy) {
        return Mono.fromRunnable(() -> AccessRules.requireAdministrator(caller, "Region policies"))
                .then(policies.save(policy));
    }

    @Override
    public Mono<RegionPolicy> find(RegionCode region) {
        return policies.find(region)
                .switchIfEmpty(Mono.error(() -> new NotFound("Policy", region.value())));
    }
}

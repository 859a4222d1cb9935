package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Mono;

/** Deductible schedules: set by registry administrators, read by anyone authenticated. */
public interface ScheduleUseCases {

    /** Creates or replaces the schedule of its region, scheme and year; {@code NotPermitted} unless REGISTRY_ADMIN. */
    Mono<DeductibleSchedule> define(Caller caller, DeductibleSchedule schedule);

    /** The schedule of the region, scheme and year; {@code NotFound} if none is defined. */
    Mono<DeductibleSchedule> find(RegionCode region, InsuranceScheme scheme, int year);

    /**
     * Checks a deductible stated as paid in a stay at {@code sourceInstitutionId} admitted on
     * {@code admissionDate}, for a patient insured in {@code region}: the bound billing will hold the
     * decision to. {@code NotFound} when billing knows no such institution or no schedule along the chain.
     */
    Mono<DeductibleCheck> checkPaid(RegionCode region, InsuranceScheme scheme, InstitutionId sourceInstitutionId,
                                    java.time.LocalDate admissionDate, Fen paid);
}

package cn.referral.referral.application.port.out;

import java.time.LocalDate;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.referral.InsuranceScheme;
import reactor.core.publisher.Mono;

/**
 * The most deductible a stay at the source institution can have cost the patient, in fen: billing owns
 * the deductible schedules and computes it (the same bound it holds every decision to); referral-service
 * only reads it, as reference data (DESIGN: a synchronous read with a circuit breaker and a fallback).
 * Empty when no bound can be known now (no schedule for the region chain and year, an institution billing
 * does not know, billing not answering): the submission goes ahead and billing's decision still refuses
 * to credit more than the bound ({@code ALREADY_PAID_ABOVE_SCHEDULE}).
 */
public interface SourceDeductibleBounds {

    Mono<Long> boundFen(String insuranceRegionCode, InsuranceScheme scheme, InstitutionId sourceInstitutionId,
                        LocalDate admissionDate);

    /** No billing to ask (tests of referral-service alone): every submission goes ahead. */
    SourceDeductibleBounds UNKNOWN = (region, scheme, institution, admission) -> Mono.empty();
}

package cn.referral.billing.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.DeductibleCheck;
import cn.referral.billing.application.port.in.ScheduleUseCases;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.web.FieldError;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * What a transfer may state as already paid at the source, checked before it is submitted.
 * referral-service does not own the deductible schedules, so it cannot bound
 * {@code sourceEpisode.deductiblePaidFen} itself; billing, which decides with them, answers here with
 * the same bound it holds every decision to (a decision with more paid is {@code ALREADY_PAID_ABOVE_SCHEDULE}).
 * Any authenticated caller; nothing about a patient is sent or returned.
 */
@RestController
class DeductibleCheckController {

    static final String FIELD = "sourceEpisode.deductiblePaidFen";

    private final ScheduleUseCases schedules;

    DeductibleCheckController(ScheduleUseCases schedules) {
        this.schedules = schedules;
    }

    /**
     * 200 with the bound when {@code deductiblePaidFen} is within it; 422 naming
     * {@code sourceEpisode.deductiblePaidFen} when it is above; 404 when billing knows no such
     * institution or no schedule for the region chain, scheme and admission year (nothing to check against).
     */
    @GetMapping("/deductible-check")
    Mono<DeductibleCheckResponse> check(
            @RequestParam @Pattern(regexp = RegionPath.PATTERN, message = RegionPath.MESSAGE) String regionCode,
            @RequestParam InsuranceScheme scheme,
            @RequestParam @NotBlank @Size(min = 1, max = 100) String sourceInstitutionId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate admissionDate,
            @RequestParam @PositiveOrZero long deductiblePaidFen) {
        return schedules.checkPaid(new RegionCode(regionCode), scheme, new InstitutionId(sourceInstitutionId),
                        admissionDate, Fen.of(deductiblePaidFen))
                .flatMap(check -> check.within() ? Mono.just(DeductibleCheckResponse.of(check))
                        : Mono.error(aboveBound(check)));
    }

    private static ProblemException aboveBound(DeductibleCheck check) {
        String detail = "must not exceed " + check.bound().value() + ", the " + check.source().level()
                + " inpatient deductible of schedule " + check.scheduleRegion() + " " + check.year();
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemTypes.of("billing/already-paid-above-schedule"), "Deductible already paid above the schedule",
                FIELD + ": " + detail)
                .with("code", "already-paid-above-schedule")
                .with("errors", List.of(new FieldError(FIELD, detail)))
                .with("boundFen", check.bound().value());
    }

    /** The bound a stay at the source sets on what was paid there, in fen. */
    record DeductibleCheckResponse(String sourceInstitutionId, String sourceLevel, String scheduleRegionCode,
                                   int year, long boundFen, long deductiblePaidFen) {

        static DeductibleCheckResponse of(DeductibleCheck check) {
            return new DeductibleCheckResponse(check.source().id().value(), check.source().level().name(),
                    check.scheduleRegion().value(), check.year(), check.bound().value(), check.paid().value());
        }
    }
}

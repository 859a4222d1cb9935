package cn.referral.billing.adapter.in.web;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.referral.billing.adapter.out.messaging.TransferFiling2501V1;
import cn.referral.billing.adapter.out.messaging.TransferFilingMessages;
import cn.referral.billing.application.port.in.TransferFilingQueries;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.ProblemException;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 转院备案 (2501) records for the region's insurer, auditors and the referral's own institutions;
 * one the caller may not see is answered 404, as if it did not exist. The body is the 2501 record
 * the insurer also receives on {@code billing.decisions.v1}, with its current status.
 */
@RestController
class TransferFilingController {

    private final TransferFilingQueries filings;

    TransferFilingController(TransferFilingQueries filings) {
        this.filings = filings;
    }

    /** The referral's filing as a list: empty when there is none the caller may see. */
    @GetMapping("/transfer-filings")
    Flux<TransferFilingResponse> forReferral(@RequestParam @NotBlank String referralId, Caller caller) {
        return filings.forReferral(caller, referralId).map(TransferFilingResponse::of);
    }

    @GetMapping("/transfer-filings/{filingId}")
    Mono<TransferFilingResponse> find(@PathVariable String filingId, Caller caller) {
        return filings.find(caller, filingId).map(TransferFilingResponse::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Transfer filing", filingId)));
    }

    /** The 2501 record, its status ({@code REGISTERED|REVOKED}) and, once revoked (2502), when and why. */
    record TransferFilingResponse(String status, @JsonUnwrapped TransferFiling2501V1 record, String revocationReason,
                                  Instant revokedAt) {

        static TransferFilingResponse of(TransferFiling filing) {
            return new TransferFilingResponse(filing.status().name(), TransferFilingMessages.registration(filing),
                    filing.revocationReason() == null ? null : filing.revocationReason().name(), filing.revokedAt());
        }
    }
}

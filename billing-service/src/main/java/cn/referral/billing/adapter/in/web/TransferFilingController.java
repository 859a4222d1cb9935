package cn.referral.billing.adapter.in.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.RegisteredFiling;
import cn.referral.billing.application.port.in.Shown;
import cn.referral.billing.application.port.in.TransferFilingQueries;
import cn.referral.billing.domain.filing.FilingId;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.audit.DeclaredPurpose;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 转院备案 (2501) records for the region's insurer, auditors and the referral's own institutions;
 * one the caller may not see is answered 404, as if it did not exist. The body carries the same
 * fields as the 2501 record the insurer receives on {@code billing.decisions.v1}
 * (docs/insurance-2501.md), with the filing's status and, once revoked (2502), when and why. Every read
 * is audited with its declared purpose ({@code X-Access-Purpose}), as a decision's is.
 */
@RestController
class TransferFilingController {

    private final TransferFilingQueries filings;

    TransferFilingController(TransferFilingQueries filings) {
        this.filings = filings;
    }

    /** The referral's filing as a list: empty when there is none the caller may see. */
    @GetMapping("/transfer-filings")
    Flux<TransferFilingResponse> forReferral(@RequestParam @NotBlank String referralId, Caller caller,
                                             @RequestHeader(name = DeclaredPurpose.HEADER, required = false)
                                             String purpose) {
        return Flux.defer(() -> filings.forReferral(caller, new ReferralId(referralId),
                        DeclaredPurpose.recordedOrNull(purpose)))
                .map(TransferFilingResponse::of);
    }

    @GetMapping("/transfer-filings/{filingId}")
    Mono<TransferFilingResponse> find(@PathVariable String filingId, Caller caller,
                                      @RequestHeader(name = DeclaredPurpose.HEADER, required = false) String purpose) {
        return Mono.defer(() -> filings.find(caller, filingId(filingId), DeclaredPurpose.recordedOrNull(purpose)))
                .map(TransferFilingResponse::of);
    }

    private static FilingId filingId(String id) {
        return IdParameters.inPath("Transfer filing", id, FilingId::new);
    }

    /**
     * The 2501 fields under the interface's names ({@link RegisteredFiling}, in the same object), then ours: status
     * ({@code REGISTERED|REVOKED}) and the revocation.
     */
    record TransferFilingResponse(@JsonUnwrapped RegisteredFiling filing, String status, String revocationReason,
                                  Instant revokedAt) {

        /**
         * {@code psn_no} in full only for the insurer of the filing's region, who settles it; masked to its last
         * 4 characters for auditors and the referral's institutions, as on the deductible decisions (DESIGN §5).
         */
        static TransferFilingResponse of(Shown<TransferFiling> shown) {
            TransferFiling filing = shown.record();
            return new TransferFilingResponse(RegisteredFiling.of(filing, shown.insuredPersonNo()),
                    filing.status().name(),
                    filing.revocationReason() == null ? null : filing.revocationReason().name(), filing.revokedAt());
        }
    }
}

package cn.referral.billing.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.DecisionQueries;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.platform.audit.DeclaredPurpose;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decisions for settlement systems (INSURER of the decision's region), auditors and the referral's
 * own institutions. A decision the caller may not see is answered 404, as if it did not exist. The
 * insured person number is in full only for the insurer of the decision's region.
 */
@RestController
class DecisionController {

    private final DecisionQueries decisions;

    DecisionController(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    /** The referral's decision as a list: empty when there is none the caller may see. Audited. */
    @GetMapping("/decisions")
    Flux<DecisionResponse> forReferral(@RequestParam @NotBlank String referralId, Caller caller,
                                       @RequestHeader(name = DeclaredPurpose.HEADER, required = false) String purpose) {
        return Flux.defer(() -> decisions.forReferral(caller, new ReferralId(referralId),
                        DeclaredPurpose.recordedOrNull(purpose)))
                .map(DecisionResponse::of);
    }

    /** One decision. Audited. */
    @GetMapping("/decisions/{id}")
    Mono<DecisionResponse> find(@PathVariable String id, Caller caller,
                                @RequestHeader(name = DeclaredPurpose.HEADER, required = false) String purpose) {
        return Mono.defer(() -> decisions.find(caller, decisionId(id), DeclaredPurpose.recordedOrNull(purpose)))
                .map(DecisionResponse::of);
    }

    private static DecisionId decisionId(String id) {
        return IdParameters.inPath("Decision", id, DecisionId::new);
    }
}

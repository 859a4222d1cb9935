package cn.referral.billing.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.DecisionQueries;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.ProblemException;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decisions for settlement systems (INSURER of the decision's region), auditors and the referral's
 * own institutions. A decision the caller may not see is answered 404, as if it did not exist.
 */
@RestController
class DecisionController {

    private final DecisionQueries decisions;

    DecisionController(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    /** The referral's decision as a list: empty when there is none the caller may see. */
    @GetMapping("/decisions")
    Flux<DecisionResponse> forReferral(@RequestParam @NotBlank String referralId, Caller caller) {
        return decisions.forReferral(caller, referralId).map(DecisionResponse::of);
    }

    @GetMapping("/decisions/{id}")
    Mono<DecisionResponse> find(@PathVariable String id, Caller caller) {
        return decisions.find(caller, id)
                .map(DecisionResponse::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Decision", id)));
    }
}

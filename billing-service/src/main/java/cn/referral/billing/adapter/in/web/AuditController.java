package cn.referral.billing.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.DecisionQueries;
import cn.referral.billing.application.port.out.AuditRecord;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who read a referral's deductible decision, and why: for auditors. */
@RestController
class AuditController {

    private final DecisionQueries decisions;

    AuditController(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/audit")
    Mono<List<AuditRecord>> trail(@RequestParam("referralId") @NotBlank String referralId, Caller caller) {
        return Flux.defer(() -> decisions.auditTrail(caller, new ReferralId(referralId))).collectList();
    }
}

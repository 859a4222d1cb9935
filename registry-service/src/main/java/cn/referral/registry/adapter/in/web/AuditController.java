package cn.referral.registry.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.registry.application.port.in.AuditUseCases;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who read a contract's patient data, newest first: for auditors (DESIGN §5). */
@RestController
class AuditController {

    private final AuditUseCases audit;

    AuditController(AuditUseCases audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    Mono<List<AuditResponse>> trail(@RequestParam String contractId, Caller caller) {
        return Flux.defer(() -> audit.trail(IdParameters.required("contractId", contractId, ContractId::new), caller))
                .map(AuditResponse::of).collectList();
    }
}

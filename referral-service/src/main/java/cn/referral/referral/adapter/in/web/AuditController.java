package cn.referral.referral.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.security.Caller;
import cn.referral.referral.application.port.in.AuditUseCases;
import cn.referral.referral.application.port.out.AuditRecord;
import reactor.core.publisher.Mono;

/** Who read a referral's patient data: for auditors. */
@RestController
class AuditController {

    private final AuditUseCases audit;

    AuditController(AuditUseCases audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    Mono<List<AuditRecord>> trail(@RequestParam("referralId") String referralId, Caller caller) {
        return audit.trail(referralId, caller).collectList();
    }
}

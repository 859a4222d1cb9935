package cn.referral.platform.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * {@code GET /audit/chain?day=} for auditors: walks the day's audit chain and says whether it is
 * intact, or where it was rewritten. Not a component: a service that keeps an {@link AuditChain}
 * declares it as a bean, so services without audit records do not offer it.
 */
@RestController
public class AuditChainController {

    private final AuditChain chain;

    public AuditChainController(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/audit/chain")
    public Mono<ChainVerification> verify(@RequestParam("day") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                          Caller caller) {
        if (!caller.has(Role.AUDITOR)) {
            return Mono.error(new NotPermitted("auditors-only", "The audit chain is verified by auditors"));
        }
        return chain.verify(day);
    }
}

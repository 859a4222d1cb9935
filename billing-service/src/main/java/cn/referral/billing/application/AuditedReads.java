package cn.referral.billing.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import cn.referral.billing.application.port.out.AuditRecord;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.billing.domain.DecisionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail of reads that carry an insured person number (DESIGN §5), recorded the one way every use
 * case does: the caller, its audited role, institution and region, its declared (or usual) purpose, now.
 */
final class AuditedReads {

    private final AuditTrail trail;
    private final Clock clock;
    private final Supplier<String> ids;

    AuditedReads(AuditTrail trail, Clock clock, Supplier<String> ids) {
        this.trail = trail;
        this.clock = clock;
        this.ids = ids;
    }

    /** A read of one referral's record ({@code action}: a decision or a 转院备案) beside decision {@code decisionId}. */
    Mono<Void> read(Caller caller, String action, ReferralId referralId, DecisionId decisionId, String purpose,
                    boolean insuredPersonNoInFull) {
        return record(caller, action, referralId.value(), decisionId.value(), null, purpose, insuredPersonNoInFull);
    }

    /** An export of the settlement lines of {@code day}. */
    Mono<Void> settlementExport(Caller caller, LocalDate day, String purpose, boolean insuredPersonNoInFull) {
        return record(caller, AuditRecord.EXPORT_SETTLEMENT, null, null, day.toString(), purpose,
                insuredPersonNoInFull);
    }

    /** What was read of the referral, oldest first. */
    Flux<AuditRecord> about(ReferralId referralId) {
        return trail.recordsAbout(referralId);
    }

    private Mono<Void> record(Caller caller, String action, String referralId, String decisionId, String day,
                              String purpose, boolean insuredPersonNoInFull) {
        return trail.record(new AuditRecord(ids.get(), clock.instant(), caller.subject(),
                AccessRules.auditedRole(caller), caller.institutionId(), caller.regionCode(), action, referralId,
                decisionId, day, AccessRules.purposeOrUsual(caller, purpose), insuredPersonNoInFull));
    }
}

package cn.referral.billing.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import cn.referral.billing.application.port.in.Shown;
import cn.referral.billing.application.port.out.AuditRecord;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.billing.domain.decision.Actor;
import cn.referral.billing.domain.decision.RecordPermissions;
import cn.referral.billing.domain.decision.RevocableRecord;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads that carry an insured person number (DESIGN §5): a decision or a 转院备案 only for whoever may read it, and
 * the audit trail of every such read, recorded the one way every use case does: the caller, its audited role,
 * institution and region, its declared (or usual) purpose, now.
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

    /**
     * The record {@code found} as the caller may see it, once its read ({@code action}: a decision or a 转院备案) is
     * recorded; empty when there is none or the caller may not read it, so that it is answered as absent, never as
     * forbidden.
     */
    <R extends RevocableRecord> Mono<Shown<R>> shown(Caller caller, String action, Mono<R> found, String purpose) {
        Actor actor = Actors.of(caller);
        return found.filter(record -> RecordPermissions.mayRead(record, actor))
                .flatMap(record -> {
                    boolean inFull = RecordPermissions.seesInsuredPersonNoInFull(record, actor);
                    return record(caller, action, record.referralId().value(), record.decisionId().value(), null,
                            purpose, inFull)
                            .thenReturn(new Shown<>(record, inFull));
                });
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

package cn.referral.referral.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.referral.application.port.out.AuditRecord;
import cn.referral.referral.domain.referral.Action;
import cn.referral.referral.domain.referral.CancelReason;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.TreatmentOutcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The referral lifecycle as doctors and desks drive it (and who read it, for auditors). Every call is
 * made on behalf of a {@link Caller}; a referral the caller may not see is reported as not found. State
 * changes take the version the caller last saw and fail if the referral has changed since.
 */
public interface ReferralUseCases {

    Mono<Submission> submit(SubmitReferralCommand command, String idempotencyKey, Caller caller);

    /** The full referral with patient details; writes an audit record of the read. */
    Mono<ReferralView> view(ReferralId id, String purpose, Caller caller);

    /** Who read the referral's patient data ({@link #view} records each read), for auditors only. */
    Flux<AuditRecord> auditTrail(ReferralId id, Caller caller);

    Mono<List<HistoryEntry>> history(ReferralId id, Caller caller);

    Mono<Set<Action>> actions(ReferralId id, Caller caller);

    Mono<Referral> accept(ReferralId id, long expectedVersion, Instant appointmentAt, Caller caller);

    Mono<Referral> reject(ReferralId id, long expectedVersion, RejectReason reason, String note, Caller caller);

    Mono<Referral> cancel(ReferralId id, long expectedVersion, CancelReason reason, Caller caller);

    Mono<Referral> recordArrival(ReferralId id, long expectedVersion, Caller caller);

    Mono<Referral> recordNoShow(ReferralId id, long expectedVersion, Caller caller);

    Mono<Referral> complete(ReferralId id, long expectedVersion, TreatmentOutcome outcome, String summary,
                            boolean downReferralRecommended, Caller caller);

    Mono<WorklistPage> worklist(WorklistQuery query, Caller caller);
}

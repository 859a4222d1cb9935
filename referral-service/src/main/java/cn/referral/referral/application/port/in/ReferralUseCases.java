package cn.referral.referral.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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
    Mono<ReferralView> view(String id, String purpose, Caller caller);

    /** Who read the referral's patient data ({@link #view} records each read), for auditors only. */
    Flux<AuditRecord> auditTrail(String id, Caller caller);

    Mono<List<HistoryEntry>> history(String id, Caller caller);

    Mono<Set<Action>> actions(String id, Caller caller);

    Mono<Referral> accept(String id, long expectedVersion, Instant appointmentAt, Caller caller);

    Mono<Referral> reject(String id, long expectedVersion, RejectReason reason, String note, Caller caller);

    Mono<Referral> cancel(String id, long expectedVersion, CancelReason reason, Caller caller);

    Mono<Referral> recordArrival(String id, long expectedVersion, Caller caller);

    Mono<Referral> recordNoShow(String id, long expectedVersion, Caller caller);

    Mono<Referral> complete(String id, long expectedVersion, TreatmentOutcome outcome, String summary,
                            boolean downReferralRecommended, Caller caller);

    Mono<WorklistPage> worklist(WorklistQuery query, Caller caller);
}

package cn.referral.billing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.billing.application.port.in.AcceptedReferral;
import cn.referral.billing.application.port.in.ClosedReferral;
import cn.referral.billing.application.port.in.DecisionQueries;
import cn.referral.billing.application.port.in.DecisionUseCases;
import cn.referral.billing.application.port.in.SettlementLine;
import cn.referral.billing.application.port.in.Shown;
import cn.referral.billing.application.port.out.AllianceDirectory;
import cn.referral.billing.application.port.out.AuditRecord;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.billing.application.port.out.DecisionMetrics;
import cn.referral.billing.application.port.out.DecisionStore;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.application.port.out.PolicyStore;
import cn.referral.billing.application.port.out.ScheduleStore;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.billing.domain.decision.Actor;
import cn.referral.billing.domain.decision.DecisionEvent;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.decision.RecordPermissions;
import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.AlliancePlacement;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.policy.DeductibleAssessor;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.platform.application.NotFound;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues one deductible decision per accepted referral and revokes it when the referral closes.
 * <p>
 * Idempotent under redelivery and reordering: the decision record is keyed by referral id, so a
 * second accept (same or new {@code ce_id}) finds it and issues nothing; a close that arrives
 * before the accept leaves a "closed" record, so the late accept issues nothing either.
 */
public class DecisionService implements DecisionUseCases, DecisionQueries {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final DecisionStore decisions;
    private final InstitutionDirectory institutions;
    private final AllianceDirectory alliances;
    private final ScheduleStore schedules;
    private final PolicyStore policies;
    private final DecisionMetrics metrics;
    private final DeductibleAssessor assessor = new DeductibleAssessor();
    private final Clock clock;
    private final Supplier<String> ids;
    private final Period validity;
    private final AuditedReads reads;

    public DecisionService(DecisionStore decisions, InstitutionDirectory institutions, AllianceDirectory alliances,
                           ScheduleStore schedules, PolicyStore policies, DecisionMetrics metrics, Clock clock,
                           Supplier<String> ids, Period validity, AuditTrail audit) {
        this.decisions = decisions;
        this.institutions = institutions;
        this.alliances = alliances;
        this.schedules = schedules;
        this.policies = policies;
        this.metrics = metrics;
        this.clock = clock;
        this.ids = ids;
        this.validity = validity;
        this.reads = new AuditedReads(audit, clock, ids);
    }

    @Override
    public Mono<Void> referralAccepted(AcceptedReferral referral) {
        return decisions.knows(referral.referralId())
                .flatMap(known -> {
                    if (known) {
                        log.info("Referral {} already has a decision or was closed: nothing to issue",
                                referral.referralId());
                        return Mono.empty();
                    }
                    return issue(referral);
                });
    }

    private Mono<Void> issue(AcceptedReferral referral) {
        Instant now = clock.instant();
        LocalDate validFrom = SettlementDay.of(referral.acceptedAt() != null ? referral.acceptedAt() : now);
        LocalDate careDay = referral.appointmentAt() != null ? SettlementDay.of(referral.appointmentAt()) : validFrom;
        LocalDate validUntil = (careDay.isBefore(validFrom) ? validFrom : careDay).plus(validity);
        int careYear = careDay.getYear();
        Integer sourceYear = referral.sourceEpisode() == null || referral.sourceEpisode().admissionDate() == null
                ? null : referral.sourceEpisode().admissionDate().getYear();
        Mono<Optional<DeductibleSchedule>> sourceSchedule = sourceYear == null || sourceYear == careYear
                ? Mono.just(Optional.empty())
                : optional(schedules.resolve(referral.region(), referral.scheme(), sourceYear));
        return Mono.zip(known(referral, referral.fromInstitutionId()), known(referral, referral.toInstitutionId()),
                        alliances.including(List.of(referral.fromInstitutionId(), referral.toInstitutionId()))
                                .collectList(),
                        optional(schedules.resolve(referral.region(), referral.scheme(), careYear)), sourceSchedule,
                        policyChain(referral.region()))
                .map(found -> new IssueInputs(found.getT1(), found.getT2(), found.getT3(), found.getT4(),
                        found.getT5(), found.getT6()))
                .flatMap(known -> {
                    ReferredCare care = new ReferredCare(referral.referralId(), referral.direction(),
                            referral.careType(), referral.scheme(), referral.region(), known.from(), known.to(),
                            referral.sourceEpisode(), referral.eligibility(), careDay);
                    DeductibleAssessment assessment = assessor.assess(care, known.careYearSchedule(),
                            known.sourceYearSchedule(), known.policies(),
                            new AlliancePlacement(care.from().id(), care.to().id(), known.alliances()));
                    Outcome<DeductibleDecision, DecisionEvent> change = DeductibleDecision.issue(
                            new DecisionId(ids.get()), care, referral.insuredPersonNo(), assessment, validFrom,
                            validUntil, now);
                    return decisions.insertIssued(change).doOnNext(inserted -> {
                        if (inserted) {
                            metrics.issued(change.state());
                            log.info("Issued deductible decision {} for referral {}: {} payable {} of {}",
                                    change.state().decisionId(), referral.referralId(), assessment.rule(),
                                    assessment.payable(), assessment.standardDeductible());
                        }
                    });
                })
                .then();
    }

    /** What issuing a decision looks up besides the accepted referral, by name (zipped in this order). */
    private record IssueInputs(Institution from, Institution to, List<Alliance> alliances,
                               Optional<DeductibleSchedule> careYearSchedule,
                               Optional<DeductibleSchedule> sourceYearSchedule, List<RegionPolicy> policies) {
    }

    /** Every region policy along the chain, nearest first. */
    private Mono<List<RegionPolicy>> policyChain(RegionCode region) {
        return Flux.fromIterable(region.chain()).concatMap(policies::find).collectList();
    }

    private Mono<Institution> known(AcceptedReferral referral, InstitutionId institutionId) {
        return institutions.find(institutionId).switchIfEmpty(Mono.defer(() -> {
            metrics.referenceDataMissing();
            return Mono.error(new ReferenceDataMissing(referral.referralId(), institutionId));
        }));
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> value) {
        return value.map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Void> referralClosed(ClosedReferral referral) {
        return revokeIssued(referral).flatMap(revoked -> revoked ? Mono.just(true)
                        : decisions.rememberClosed(referral.referralId(), referral.reason(), clock.instant())
                                // an accept stored its decision between our read and our insert: revoke that
                                .flatMap(remembered -> remembered ? Mono.just(true) : revokeIssued(referral)))
                .then();
    }

    /** Emits true if the referral had a decision (revoked now or before), false if it had none. */
    private Mono<Boolean> revokeIssued(ClosedReferral referral) {
        return decisions.findByReferral(referral.referralId())
                .flatMap(decision -> {
                    Outcome<DeductibleDecision, DecisionEvent> change = decision.revoke(referral.reason(),
                            clock.instant());
                    if (!change.changed()) {
                        return Mono.just(true);
                    }
                    return decisions.saveRevocation(change).doOnNext(saved -> {
                        if (saved) {
                            metrics.revoked(change.state());
                            log.info("Revoked deductible decision {} of referral {}: {}", decision.decisionId(),
                                    referral.referralId(), referral.reason());
                        }
                    }).thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Shown<DeductibleDecision>> find(Caller caller, DecisionId decisionId, String purpose) {
        return reads.shown(caller, AuditRecord.READ_DECISION, decisions.findById(decisionId), purpose)
                .switchIfEmpty(Mono.error(() -> new NotFound("Decision", decisionId.value())));
    }

    @Override
    public Flux<Shown<DeductibleDecision>> forReferral(Caller caller, ReferralId referralId, String purpose) {
        return reads.shown(caller, AuditRecord.READ_DECISION, decisions.findByReferral(referralId), purpose).flux();
    }

    @Override
    public Flux<SettlementLine> settlement(Caller caller, LocalDate day, String purpose) {
        return Mono.fromSupplier(() -> Optional.ofNullable(AccessRules.settlementRegion(caller)))
                .flatMapMany(scope -> {
                    RegionCode region = scope.orElse(null);
                    Actor actor = Actors.of(caller);
                    Flux<SettlementLine> issued = decisions.issuedOn(day, region)
                            .map(d -> line(actor, SettlementLine.Kind.ISSUED, d.issuedAt(), d));
                    Flux<SettlementLine> revoked = decisions.revokedOn(day, region)
                            .map(d -> line(actor, SettlementLine.Kind.REVOKED, d.revokedAt(), d));
                    Flux<SettlementLine> lines = Flux.concat(issued, revoked).sort(Comparator.comparing(SettlementLine::at)
                            .thenComparing(line -> line.decision().decisionId().value())
                            .thenComparing(SettlementLine::kind));
                    return reads.settlementExport(caller, day, purpose, caller.has(Role.INSURER)).thenMany(lines);
                });
    }

    private static SettlementLine line(Actor actor, SettlementLine.Kind kind, Instant at, DeductibleDecision decision) {
        return new SettlementLine(kind, at, decision,
                new Shown<>(decision, RecordPermissions.seesInsuredPersonNoInFull(decision, actor)).insuredPersonNo());
    }

    @Override
    public Flux<AuditRecord> auditTrail(Caller caller, ReferralId referralId) {
        return Mono.fromRunnable(() -> AccessRules.requireAuditor(caller)).thenMany(reads.about(referralId));
    }

}

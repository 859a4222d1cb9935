package cn.referral.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.audit.AccessPurpose;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.domain.StaleVersion;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.in.ReferralUseCases;
import cn.referral.referral.application.port.in.ReferralView;
import cn.referral.referral.application.port.in.Submission;
import cn.referral.referral.application.port.in.SubmitReferralCommand;
import cn.referral.referral.application.port.in.WorklistPage;
import cn.referral.referral.application.port.in.WorklistQuery;
import cn.referral.referral.application.port.out.AuditRecord;
import cn.referral.referral.application.port.out.AuditTrail;
import cn.referral.referral.application.port.out.DuplicateReferralId;
import cn.referral.referral.application.port.out.IdempotencyKeys;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.PatientDataProtection;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.application.port.out.ReferralMetrics;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.application.port.out.SourceDeductibleBounds;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.Practitioner;
import cn.referral.referral.domain.policy.CatalogEligibility;
import cn.referral.referral.domain.policy.ContractedPrimaryCare;
import cn.referral.referral.domain.policy.DownReferralToPrimaryCare;
import cn.referral.referral.domain.policy.HandoverToFamilyDoctorAtTarget;
import cn.referral.referral.domain.policy.KnownDepartment;
import cn.referral.referral.domain.policy.LevelDirectionRule;
import cn.referral.referral.domain.referral.Action;
import cn.referral.referral.domain.referral.Actor;
import cn.referral.referral.domain.referral.ActorRole;
import cn.referral.referral.domain.referral.CancelReason;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.IllegalTransition;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Patient;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralPath;
import cn.referral.referral.domain.referral.ReferralPermissions;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.ReferralRuleViolation;
import cn.referral.referral.domain.referral.ReferralScope;
import cn.referral.referral.domain.referral.ReferralState;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.SourceEpisode;
import cn.referral.referral.domain.referral.TreatmentOutcome;
import cn.referral.referral.domain.referral.Urgency;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class ReferralService implements ReferralUseCases {

    private final ReferralStore store;
    private final IdempotencyKeys idempotencyKeys;
    private final InstitutionDirectory institutions;
    private final ReferenceData referenceData;
    private final PatientDataProtection protection;
    private final AuditTrail audit;
    private final ReferralMetrics metrics;
    private final ReferralPolicies policies;
    private final Clock clock;
    private final Supplier<String> ids;
    private final UpReferralLinks upLinks;
    private final SourceDeductibleBounds sourceBounds;

    public ReferralService(ReferralStore store, IdempotencyKeys idempotencyKeys, InstitutionDirectory institutions,
                           ReferenceData referenceData, PatientDataProtection protection, AuditTrail audit,
                           ReferralMetrics metrics, ReferralPolicies policies, Clock clock, Supplier<String> ids,
                           UpReferralLinks upLinks, SourceDeductibleBounds sourceBounds) {
        this.upLinks = upLinks;
        this.sourceBounds = sourceBounds;
        this.store = store;
        this.idempotencyKeys = idempotencyKeys;
        this.institutions = institutions;
        this.referenceData = referenceData;
        this.protection = protection;
        this.audit = audit;
        this.metrics = metrics;
        this.policies = policies;
        this.clock = clock;
        this.ids = ids;
    }

    // ---- submission

    @Override
    public Mono<Submission> submit(SubmitReferralCommand command, String idempotencyKey, Caller caller) {
        Actor actor = Actors.of(caller);
        return Mono.defer(() -> {
            authorizeSubmission(command, actor);
            if (idempotencyKey == null) {
                return create(command, actor, new ReferralId(ids.get()), null);
            }
            String key = actor.userId() + ":" + idempotencyKey;
            return idempotencyKeys.find(key)
                    .flatMap(earlier -> replay(earlier, command, actor))
                    .switchIfEmpty(Mono.defer(() -> create(command, actor, new ReferralId(ids.get()), key)));
        });
    }

    private Mono<Submission> replay(IdempotencyKeys.Reservation earlier, SubmitReferralCommand command, Actor actor) {
        if (!earlier.fingerprint().equals(command.fingerprint())) {
            return Mono.error(new IdempotencyKeyReused());
        }
        return store.find(earlier.referralId()).map(referral -> new Submission(referral, false))
                // the earlier request reserved the key but died before saving: finish its work under its id
                .switchIfEmpty(Mono.defer(() -> create(command, actor, earlier.referralId(), null)));
    }

    private Mono<Submission> create(SubmitReferralCommand command, Actor actor, ReferralId id, String key) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, policies.zone());
        Patient patient = protection.protect(id, command.patient());
        return alreadyPaidWithinTheSourceBound(command).then(referenceData.contractsOf(patient.patientRef()).collectList())
                .map(contracts -> FamilyDoctorContract.inForceOn(contracts, today))
                .flatMap(contract -> {
                    ContractedPrimaryCare.Target target = ContractedPrimaryCare.choose(command.direction(),
                            command.toInstitutionId(), contract.orElse(null), today);
                    return Mono.zip(institution(command.fromInstitutionId(), "fromInstitutionId"),
                                    institution(target.institutionId(), "toInstitutionId"),
                                    referenceData.catalogs().collectList(),
                                    upReferral(command, patient, actor),
                                    handoverDoctor(command))
                            .map(found -> new SubmissionInputs(found.getT1(), found.getT2(), found.getT3(),
                                    found.getT5().orElse(null)))
                            .map(found -> {
                                ReferralRequest request = request(command, patient, target.institutionId());
                                Institution source = found.source();
                                Institution destination = found.destination();
                                List<String> context = new ArrayList<>();
                                context.add(LevelDirectionRule.check(command.direction(), source, destination));
                                KnownDepartment.check(destination, request.toDepartment());
                                HandoverToFamilyDoctorAtTarget.check(request.continuityPlan(), destination.id(),
                                        found.handoverDoctor());
                                context.add(target.explanation());
                                Eligibility eligibility = CatalogEligibility.assess(command.direction(),
                                        command.careType(), command.diagnosis(), destination.level(),
                                        found.catalogs(), command.overrideReason(), today,
                                        target.contractedInstitution(), context);
                                boolean receivedFirst = policies.reception().receivesFirst(contract.orElse(null),
                                        today, command.fromInstitutionId(), destination.regionCode());
                                return Referral.submit(id, request, eligibility, target.contracted(),
                                        path(source, destination), receivedFirst, actor, now, policies.deadlines());
                            });
                })
                .flatMap(outcome -> key == null ? save(outcome)
                        : idempotencyKeys.reserve(new IdempotencyKeys.Reservation(key, command.fingerprint(), id))
                                .flatMap(winner -> winner.referralId().equals(id) ? save(outcome)
                                        : replay(winner, command, actor)))
                .flatMap(submission -> upLinks.link(submission.referral(), actor).thenReturn(submission));
    }

    /**
     * The institutions, catalogs and handover doctor (null where the plan names none or the registry knows none
     * by that id) a submission is checked against, by name (zipped in this order).
     */
    private record SubmissionInputs(Institution source, Institution destination, List<Catalog> catalogs,
                                    Practitioner handoverDoctor) {
    }

    /**
     * The practitioner a down-referral's plan hands the patient over to, as the registry's practitioner view holds
     * them ({@link HandoverToFamilyDoctorAtTarget}); empty where the plan names none or the view holds none by that
     * id, so it can sit in a zip.
     */
    private Mono<Optional<Practitioner>> handoverDoctor(SubmitReferralCommand command) {
        String named = HandoverToFamilyDoctorAtTarget.named(command.continuityPlan());
        return named == null ? Mono.just(Optional.empty())
                : referenceData.practitioner(new PractitionerId(named)).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
    }

    /**
     * What the referral says was already paid at the source ({@code sourceEpisode.deductiblePaidFen}) cannot
     * exceed the source institution's scheduled inpatient deductible, the bound billing holds every decision
     * to (docs/policies.md, {@code AlreadyPaidWithinSourceDeductible}): refused here with 422 naming the
     * field, so a wrong figure is corrected by the doctor before it reaches the insurer. Where billing knows
     * no bound now, the submission goes ahead and billing's decision still refuses to credit it.
     */
    private Mono<Void> alreadyPaidWithinTheSourceBound(SubmitReferralCommand command) {
        SourceEpisode episode = command.sourceEpisode();
        if (episode == null || episode.deductiblePaidFen() == 0) {
            return Mono.empty();
        }
        PatientDetails patient = command.patient();
        return sourceBounds.boundFen(patient.insuranceRegionCode(), patient.insuranceScheme(),
                        command.fromInstitutionId(), episode.admissionDate())
                .filter(bound -> episode.deductiblePaidFen() > bound)
                .flatMap(bound -> Mono.<Void>error(new ReferralRuleViolation("already-paid-above-schedule",
                        "sourceEpisode.deductiblePaidFen",
                        "must not exceed " + bound + " fen, the scheduled inpatient "
                                + "deductible of " + command.fromInstitutionId() + " for an admission on "
                                + episode.admissionDate())))
                .then();
    }

    /** Where the referral goes in the network, fixed now for the reports (scope, levels, 下转 to primary care). */
    private static ReferralPath path(Institution source, Institution destination) {
        return new ReferralPath(source.regionCode(), destination.regionCode(), source.level().name(),
                destination.level().name(), ReferralScope.between(source.regionCode(), destination.regionCode()),
                DownReferralToPrimaryCare.counts(source, destination));
    }

    /**
     * A down-referral that names the up-referral it continues: the up-referral must be one this doctor's
     * hospital completed for the same patient with a recommendation to go back down. Emits a marker
     * (the up-referral's id, or "" for none) so it can sit in a zip.
     */
    private Mono<String> upReferral(SubmitReferralCommand command, Patient patient, Actor actor) {
        ReferralId upId = command.upReferralId();
        if (upId == null) {
            return Mono.just("");
        }
        if (command.direction() != Direction.DOWN) {
            return Mono.error(new ReferralRuleViolation("up-referral-link-down-only", "upReferralId",
                    "only a down-referral continues an up-referral"));
        }
        return store.find(upId)
                .filter(up -> ReferralPermissions.maySee(up, actor))
                .switchIfEmpty(Mono.error(() -> new ReferralRuleViolation("unknown-up-referral", "upReferralId",
                        "no up-referral " + upId + " is visible to you")))
                .map(up -> {
                    if (!up.toInstitutionId().equals(command.fromInstitutionId())
                            || !up.request().patient().patientRef().equals(patient.patientRef())) {
                        throw new ReferralRuleViolation("up-referral-mismatch", "upReferralId", upId
                                + " is not this patient's up-referral to " + command.fromInstitutionId());
                    }
                    if (!up.awaitsDownReferral()) {
                        throw new ReferralRuleViolation("no-down-referral-pending", "upReferralId", upId
                                + " is not a completed up-referral whose doctor recommended going back down"
                                + (up.downReferralId() == null ? "" : "; it continues as " + up.downReferralId()));
                    }
                    return upId.value();
                });
    }

    private Mono<Submission> save(Outcome<Referral> outcome) {
        return store.insert(outcome)
                .doOnNext(saved -> metrics.saved(outcome))
                .map(saved -> new Submission(saved, true))
                .onErrorResume(DuplicateReferralId.class, twin -> store.find(outcome.state().id())
                        .map(existing -> new Submission(existing, false)));
    }

    private static ReferralRequest request(SubmitReferralCommand command, Patient patient, InstitutionId target) {
        return new ReferralRequest(command.direction(), command.careType(), command.urgency(), patient,
                command.diagnosis(), command.reason(), command.clinicalSummary(), command.attachments(),
                command.fromInstitutionId(), command.fromDepartment(), target, command.toDepartment(),
                command.requestedWindow(), command.sourceEpisode(), command.continuityPlan(), command.overrideReason(),
                command.upReferralId());
    }

    private Mono<Institution> institution(InstitutionId id, String field) {
        return institutions.find(id).switchIfEmpty(Mono.error(() -> new ReferralRuleViolation("unknown-institution",
                field, "no institution " + id + " is known to the referral network")));
    }

    /**
     * Doctors refer their own institution's patients; the functional levels decide the direction
     * ({@link LevelDirectionRule}): a primary doctor refers up (or down to a village clinic), a
     * hospital doctor down, or up from a county to a city hospital (seed 001 (四) 2).
     */
    private static void authorizeSubmission(SubmitReferralCommand command, Actor actor) {
        if (!actor.role().isDoctor()) {
            throw new NotPermitted("doctors-refer", "Only doctors submit referrals");
        }
        if (!actor.worksAt(command.fromInstitutionId())) {
            throw new NotPermitted("own-institution",
                    "fromInstitutionId: you can only refer from your own institution (" + actor.institutionId() + ")");
        }
    }

    // ---- reads

    @Override
    public Mono<ReferralView> view(ReferralId id, String purpose, Caller caller) {
        Actor actor = Actors.of(caller);
        return visible(id, actor).flatMap(referral -> audit.record(new AuditRecord(ids.get(), clock.instant(),
                        actor.userId(), actor.role().name(), actor.institutionId(), referral.id(),
                        ReferralPermissions.maySee(referral, actor) ? ReadAudit.READ_REFERRAL : ReadAudit.READ_AS_FAMILY_DOCTOR,
                        ReadAudit.purpose(purpose, actor.role())))
                .then(Mono.fromSupplier(() -> new ReferralView(referral, protection.reveal(referral.id(), referral.request().patient()),
                        ReferralPermissions.allowedActions(referral, actor, clock.instant())))));
    }

    @Override
    public Flux<AuditRecord> auditTrail(ReferralId id, Caller caller) {
        if (!caller.has(Role.AUDITOR)) {
            return Flux.error(new NotPermitted("auditors-only", "Only auditors read the audit trail"));
        }
        return audit.recordsAbout(id);
    }

    @Override
    public Mono<List<HistoryEntry>> history(ReferralId id, Caller caller) {
        return visible(id, Actors.of(caller)).map(Referral::history);
    }

    @Override
    public Mono<Set<Action>> actions(ReferralId id, Caller caller) {
        Actor actor = Actors.of(caller);
        return visible(id, actor).map(referral -> ReferralPermissions.allowedActions(referral, actor, clock.instant()));
    }

    @Override
    public Mono<WorklistPage> worklist(WorklistQuery query, Caller caller) {
        Actor actor = Actors.of(caller);
        if (actor.institutionId() == null || !(actor.role().isDoctor() || actor.role() == ActorRole.REFERRAL_DESK)) {
            return Mono.error(new NotPermitted("worklist-roles", "Worklists are for doctors and referral desks"));
        }
        if (query.side() == WorklistQuery.Side.CONTRACTED) {
            return contractedPatients(query, actor);
        }
        if (query.side() == WorklistQuery.Side.DOWN_REFERRAL_DUE) {
            return store.downReferralsDue(actor.institutionId(), query.page(), query.size());
        }
        if (actor.role() == ActorRole.REFERRAL_DESK && query.side() == WorklistQuery.Side.OUTGOING) {
            // DESIGN §5: a desk sees the referrals that target its institution, not those its doctors send
            return Mono.just(new WorklistPage(List.of(), 0, query.page(), query.size()));
        }
        Set<ReferralState> states = query.states() == null || query.states().isEmpty() ? ReferralState.open()
                : query.states();
        Set<Urgency> urgencies = query.urgencies() == null || query.urgencies().isEmpty() ? Set.of(Urgency.values())
                : query.urgencies();
        return store.worklist(new WorklistQuery(query.side(), states, urgencies, query.page(), query.size()),
                actor.institutionId());
    }

    /**
     * The family doctor's list (seed 002: 跟踪转诊患者治疗过程，做好接续服务): referrals other institutions made
     * for the patients contracted with the caller's primary institution, newest first, every state unless
     * filtered. Each listed referral is an audited read of (masked) patient data.
     */
    private Mono<WorklistPage> contractedPatients(WorklistQuery query, Actor actor) {
        if (actor.role() != ActorRole.PRIMARY_DOCTOR) {
            return Mono.error(new NotPermitted("contracted-worklist-primary-doctors",
                    "The contracted patients' worklist is for primary doctors of the contracted institution"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), policies.zone());
        Set<ReferralState> states = query.states() == null || query.states().isEmpty()
                ? java.util.EnumSet.allOf(ReferralState.class) : query.states();
        return referenceData.contractsAt(actor.institutionId())
                .filter(contract -> contract.isValidOn(today))
                .map(FamilyDoctorContract::patientRef)
                .collect(java.util.stream.Collectors.toSet())
                .flatMap(patients -> patients.isEmpty()
                        ? Mono.just(new WorklistPage(List.of(), 0, query.page(), query.size()))
                        : store.ofPatients(patients, actor.institutionId(), states, query.page(), query.size()))
                .flatMap(page -> reactor.core.publisher.Flux.fromIterable(page.items())
                        .concatMap(referral -> audit.record(new AuditRecord(ids.get(), clock.instant(), actor.userId(),
                                actor.role().name(), actor.institutionId(), referral.id(), ReadAudit.LIST_AS_FAMILY_DOCTOR,
                                AccessPurpose.CONTINUITY_OF_CARE.name())))
                        .then(Mono.just(page)));
    }

    /** Visible by DESIGN §5's object-level rules, or to the family doctor of the contracted patient. Else 404. */
    private Mono<Referral> visible(ReferralId id, Actor actor) {
        return store.find(id)
                .filterWhen(referral -> ReferralPermissions.maySee(referral, actor) ? Mono.just(true)
                        : followsAsFamilyDoctor(referral, actor))
                .switchIfEmpty(Mono.error(() -> new NotFound("Referral", id.value())));
    }

    private Mono<Boolean> followsAsFamilyDoctor(Referral referral, Actor actor) {
        if (actor.role() != ActorRole.PRIMARY_DOCTOR) {
            return Mono.just(false);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), policies.zone());
        return referenceData.contractsOf(referral.request().patient().patientRef()).collectList()
                .map(contracts -> FamilyDoctorContract.inForceOn(contracts, today)
                        .map(contract -> ReferralPermissions.followsAsFamilyDoctor(referral, actor, contract, today))
                        .orElse(false));
    }

    // ---- transitions

    @Override
    public Mono<Referral> accept(ReferralId id, long expectedVersion, Instant appointmentAt, Caller caller) {
        return act(id, expectedVersion, caller, Action.ACCEPT, (referral, actor) ->
                referral.accept(policies.noShow().appointmentAt(appointmentAt), actor, clock.instant()));
    }

    @Override
    public Mono<Referral> reject(ReferralId id, long expectedVersion, RejectReason reason, String note, Caller caller) {
        return act(id, expectedVersion, caller, Action.REJECT,
                (referral, actor) -> referral.reject(reason, note, actor, clock.instant()));
    }

    @Override
    public Mono<Referral> cancel(ReferralId id, long expectedVersion, CancelReason reason, Caller caller) {
        return act(id, expectedVersion, caller, Action.CANCEL,
                (referral, actor) -> referral.cancel(reason, actor, clock.instant()));
    }

    @Override
    public Mono<Referral> recordArrival(ReferralId id, long expectedVersion, Caller caller) {
        return act(id, expectedVersion, caller, Action.RECORD_ARRIVAL,
                (referral, actor) -> referral.recordArrival(actor, clock.instant()));
    }

    @Override
    public Mono<Referral> recordNoShow(ReferralId id, long expectedVersion, Caller caller) {
        return act(id, expectedVersion, caller, Action.RECORD_NO_SHOW,
                (referral, actor) -> referral.recordNoShow(actor, clock.instant()));
    }

    @Override
    public Mono<Referral> complete(ReferralId id, long expectedVersion, TreatmentOutcome outcome, String summary,
                                   boolean downReferralRecommended, Caller caller) {
        return act(id, expectedVersion, caller, Action.COMPLETE, (referral, actor) ->
                referral.complete(outcome, summary, downReferralRecommended, actor, clock.instant()));
    }

    /**
     * One user action: visible (else 404), entitled (else 403), on the version the caller saw (else
     * 412), allowed in the current state (else 409 with what is allowed), saved with its events atomically.
     */
    private Mono<Referral> act(ReferralId id, long expectedVersion, Caller caller, Action action,
                               BiFunction<Referral, Actor, Outcome<Referral>> transition) {
        Actor actor = Actors.of(caller);
        return visible(id, actor).flatMap(referral -> {
            if (!ReferralPermissions.isEntitled(action, referral, actor)) {
                return Mono.error(new NotPermitted("not-entitled", "Your role or institution may not "
                        + action.name().toLowerCase().replace('_', ' ') + " this referral"));
            }
            if (referral.version() != expectedVersion) {
                return Mono.error(new StaleVersion("Referral", id.value(), expectedVersion, referral.version()));
            }
            Outcome<Referral> outcome;
            try {
                outcome = transition.apply(referral, actor);
            } catch (IllegalTransition illegal) {
                return Mono.error(new ActionNotAllowed(illegal,
                        ReferralPermissions.allowedActions(referral, actor, clock.instant())));
            }
            return store.update(outcome, expectedVersion).doOnNext(saved -> metrics.saved(outcome));
        });
    }
}

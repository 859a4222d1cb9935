package cn.referral.referral.adapter.in.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.audit.DeclaredPurpose;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.platform.web.ProblemException;
import cn.referral.referral.adapter.in.web.ReferralResponses.ActionsResponse;
import cn.referral.referral.adapter.in.web.ReferralResponses.AuditRecord;
import cn.referral.referral.adapter.in.web.ReferralResponses.HistoryResponse;
import cn.referral.referral.adapter.in.web.ReferralResponses.ReferralDetail;
import cn.referral.referral.adapter.in.web.ReferralResponses.ReferralSummary;
import cn.referral.referral.adapter.in.web.TransitionRequests.AcceptRequest;
import cn.referral.referral.adapter.in.web.TransitionRequests.CancelRequest;
import cn.referral.referral.adapter.in.web.TransitionRequests.CompletionRequest;
import cn.referral.referral.adapter.in.web.TransitionRequests.RejectRequest;
import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.in.ReferralUseCases;
import cn.referral.referral.application.port.in.SubmitReferralCommand;
import cn.referral.referral.domain.referral.Attachment;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.ContractHandover;
import cn.referral.referral.domain.referral.DateWindow;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.FollowUp;
import cn.referral.referral.domain.referral.LongPrescription;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralRuleViolation;
import cn.referral.referral.domain.referral.SourceEpisode;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The referral lifecycle over HTTP. Every state change needs {@code If-Match}; the ETag is the version. */
@RestController
class ReferralController {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final ReferralUseCases referrals;
    private final JsonMapper json;

    ReferralController(ReferralUseCases referrals, JsonMapper json) {
        this.referrals = referrals;
        this.json = json;
    }

    /** Who read a referral's patient data: for auditors. */
    @GetMapping("/audit")
    Mono<List<AuditRecord>> trail(@RequestParam("referralId") String referralId, Caller caller) {
        return Flux.defer(() -> referrals.auditTrail(IdParameters.required("referralId", referralId, ReferralId::new),
                caller)).map(AuditRecord::of).collectList();
    }

    /** 201 with a new referral; 200 with the same referral when the Idempotency-Key and body repeat an earlier request. */
    @PostMapping("/referrals")
    Mono<ResponseEntity<ReferralSummary>> submit(@Valid @RequestBody SubmitReferralRequest body,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                 Caller caller) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
            return Mono.error(ProblemException.invalidField("Idempotency-Key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"));
        }
        if (body.requestedUntil().isBefore(body.requestedFrom())) {
            return Mono.error(ProblemException.invalidField("requestedUntil", "must not be before requestedFrom"));
        }
        return Mono.fromSupplier(() -> command(body))
                .flatMap(command -> referrals.submit(command, key, caller))
                .map(submission -> (submission.created()
                        ? ResponseEntity.created(URI.create("/referrals/" + submission.referral().id().value()))
                        : ResponseEntity.status(HttpStatus.OK)
                                .location(URI.create("/referrals/" + submission.referral().id().value())))
                        .eTag(Versions.etag(submission.referral().version()))
                        .body(ReferralSummary.of(submission.referral())));
    }

    @GetMapping("/referrals/{id}")
    Mono<ResponseEntity<ReferralDetail>> find(@PathVariable String id,
                                              @RequestHeader(name = DeclaredPurpose.HEADER, required = false) String purpose,
                                              Caller caller) {
        return Mono.defer(() -> referrals.view(referralId(id), DeclaredPurpose.recordedOrNull(purpose), caller))
                .map(view -> ResponseEntity.ok().eTag(Versions.etag(view.referral().version()))
                        .body(ReferralDetail.of(view)));
    }

    @GetMapping("/referrals/{id}/history")
    Mono<HistoryResponse> history(@PathVariable String id, Caller caller) {
        return referrals.history(referralId(id), caller).map(entries -> new HistoryResponse(id, entries));
    }

    @GetMapping("/referrals/{id}/actions")
    Mono<ActionsResponse> actions(@PathVariable String id, Caller caller) {
        return referrals.actions(referralId(id), caller).map(allowed -> new ActionsResponse(id, allowed));
    }

    @PostMapping("/referrals/{id}/accept")
    Mono<ResponseEntity<ReferralSummary>> accept(@PathVariable String id, @Valid @RequestBody AcceptRequest body,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 Caller caller) {
        return changed(id, ifMatch, (referral, version) -> referrals.accept(referral, version, body.appointmentAt(),
                caller));
    }

    @PostMapping("/referrals/{id}/reject")
    Mono<ResponseEntity<ReferralSummary>> reject(@PathVariable String id, @Valid @RequestBody RejectRequest body,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 Caller caller) {
        return changed(id, ifMatch, (referral, version) -> referrals.reject(referral, version, body.reasonCode(),
                body.note(), caller));
    }

    @PostMapping("/referrals/{id}/cancel")
    Mono<ResponseEntity<ReferralSummary>> cancel(@PathVariable String id, @Valid @RequestBody CancelRequest body,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 Caller caller) {
        return changed(id, ifMatch, (referral, version) -> referrals.cancel(referral, version, body.reasonCode(),
                caller));
    }

    @PostMapping("/referrals/{id}/arrival")
    Mono<ResponseEntity<ReferralSummary>> arrival(@PathVariable String id,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  Caller caller) {
        return changed(id, ifMatch, (referral, version) -> referrals.recordArrival(referral, version, caller));
    }

    @PostMapping("/referrals/{id}/no-show")
    Mono<ResponseEntity<ReferralSummary>> noShow(@PathVariable String id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 Caller caller) {
        return changed(id, ifMatch, (referral, version) -> referrals.recordNoShow(referral, version, caller));
    }

    @PostMapping("/referrals/{id}/completion")
    Mono<ResponseEntity<ReferralSummary>> complete(@PathVariable String id, @Valid @RequestBody CompletionRequest body,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   Caller caller) {
        return changed(id, ifMatch, (referral, version) -> referrals.complete(referral, version, body.outcome(),
                body.summary(), body.downReferralRecommended(), caller));
    }

    /**
     * A state change of the referral in the path, based on the version {@code If-Match} names (404 for a blank
     * id, then 428 or 400 for the header, before the change is asked for): 200 with the new version as ETag.
     */
    private static Mono<ResponseEntity<ReferralSummary>> changed(String id, String ifMatch,
                                                               BiFunction<ReferralId, Long, Mono<Referral>> change) {
        return Mono.defer(() -> change.apply(referralId(id), IfMatch.required(ifMatch)))
                .map(referral -> ResponseEntity.ok().eTag(Versions.etag(referral.version()))
                        .body(ReferralSummary.of(referral)));
    }

    private SubmitReferralCommand command(SubmitReferralRequest body) {
        var patient = body.patient();
        PatientDetails details = new PatientDetails(patient.name(), patient.gender(), patient.birthDate(),
                patient.idNumber(), patient.insuredPersonNo(), patient.insuranceScheme(), patient.insuranceRegionCode(),
                patient.phone());
        List<Attachment> attachments = body.attachments() == null ? List.of() : body.attachments().stream()
                .map(a -> new Attachment(a.title(), a.mediaType(), a.sizeBytes(), a.documentRef())).toList();
        SourceEpisode episode = body.sourceEpisode() == null ? null
                : new SourceEpisode(body.sourceEpisode().admissionDate(), body.sourceEpisode().dischargedOn(),
                        body.sourceEpisode().deductiblePaidFen());
        return new SubmitReferralCommand(body.direction(), body.careType(), body.urgency(), details,
                new Diagnosis(body.diagnosis().code(), body.diagnosis().name()), body.reason(), body.clinicalSummary(),
                attachments, new InstitutionId(body.fromInstitutionId()), body.fromDepartment(),
                knownInstitution(body.toInstitutionId()),
                body.toDepartment(), new DateWindow(body.requestedFrom(), body.requestedUntil()), episode,
                continuityPlan(body.continuityPlan()), body.overrideReason(), upReferralId(body), fingerprint(body));
    }

    /**
     * The up-referral a down-referral continues, if it names one. A blank one names none that could be
     * visible: refused as an unknown up-referral (422), as the submission refused it before the id had a type.
     */
    private static ReferralId upReferralId(SubmitReferralRequest body) {
        if (body.upReferralId() == null) {
            return null;
        }
        if (body.upReferralId().isBlank()) {
            throw new ReferralRuleViolation("unknown-up-referral", "upReferralId",
                    "no up-referral " + body.upReferralId() + " is visible to you");
        }
        return new ReferralId(body.upReferralId());
    }

    /** A down-referral may leave its target out (it goes to the contracted institution): a blank one names none. */
    private static InstitutionId knownInstitution(String institutionId) {
        return Identifier.ofValueOrNull(institutionId, InstitutionId::new);
    }

    private static ReferralId referralId(String id) {
        return IdParameters.inPath("Referral", id, ReferralId::new);
    }

    private static ContinuityPlan continuityPlan(SubmitReferralRequest.ContinuityPlanRequest plan) {
        if (plan == null) {
            return null;
        }
        return new ContinuityPlan(
                plan.followUps().stream().map(f -> new FollowUp(f.afterDays(), f.purpose())).toList(),
                plan.longPrescription() == null ? null
                        : new LongPrescription(plan.longPrescription().medications(), plan.longPrescription().days()),
                plan.handover() == null ? null
                        : new ContractHandover(plan.handover().familyDoctorId(), plan.handover().note()));
    }

    /** SHA-256 of the request as JSON in declaration order: the same body gives the same fingerprint. */
    private String fingerprint(SubmitReferralRequest body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

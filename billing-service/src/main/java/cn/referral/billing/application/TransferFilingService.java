package cn.referral.billing.application;

import java.time.Clock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.billing.application.port.in.AcceptedForFiling;
import cn.referral.billing.application.port.in.ClosedReferral;
import cn.referral.billing.application.port.in.Shown;
import cn.referral.billing.application.port.in.TransferFilingQueries;
import cn.referral.billing.application.port.in.TransferFilingUseCases;
import cn.referral.billing.application.port.out.AuditRecord;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.billing.application.port.out.DecisionStore;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.application.port.out.TransferFilingStore;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.decision.DecisionStatus;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.filing.FilingEvent;
import cn.referral.billing.domain.filing.FilingId;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.billing.domain.network.Institution;
import cn.referral.platform.application.NotFound;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 转院备案 of every accepted referral, following its deductible decision: registered when the
 * decision stands (after {@link DecisionService} has issued it for the same event), revoked when
 * the decision is revoked. Idempotent under redelivery and reordering: the filing is keyed by
 * referral id, so a second accept stores nothing; an accept after the close finds the decision
 * revoked or closed and files nothing. Every read of a filing is audited, as a decision's is.
 */
public class TransferFilingService implements TransferFilingUseCases, TransferFilingQueries {

    private static final Logger log = LoggerFactory.getLogger(TransferFilingService.class);

    private final TransferFilingStore filings;
    private final DecisionStore decisions;
    private final InstitutionDirectory institutions;
    private final Clock clock;
    private final Supplier<String> ids;
    private final AuditedReads reads;

    public TransferFilingService(TransferFilingStore filings, DecisionStore decisions,
                                 InstitutionDirectory institutions, Clock clock, Supplier<String> ids,
                                 AuditTrail audit) {
        this.filings = filings;
        this.decisions = decisions;
        this.institutions = institutions;
        this.clock = clock;
        this.ids = ids;
        this.reads = new AuditedReads(audit, clock, ids);
    }

    @Override
    public Mono<Void> referralAccepted(AcceptedForFiling referral) {
        return decisions.findByReferral(referral.referralId())
                .filter(decision -> decision.status() == DecisionStatus.ISSUED)
                .flatMap(decision -> filings.findByReferral(referral.referralId())
                        .map(known -> false)
                        .switchIfEmpty(Mono.defer(() -> register(decision, referral))))
                .then();
    }

    private Mono<Boolean> register(DeductibleDecision decision, AcceptedForFiling referral) {
        return Mono.zip(known(referral.referralId(), decision.care().from().id()),
                        known(referral.referralId(), decision.care().to().id()))
                .flatMap(found -> {
                    Outcome<TransferFiling, FilingEvent> change = TransferFiling.register(new FilingId(ids.get()),
                            decision, found.getT1(), found.getT2(), referral.diagnosisCode(), referral.diagnosisName(),
                            referral.conditionDescription(), referral.reason(), clock.instant());
                    return filings.insertRegistered(change).doOnNext(inserted -> {
                        if (inserted) {
                            log.info("Registered transfer filing (2501) {} for referral {}",
                                    change.state().filingId(), referral.referralId());
                        }
                    });
                });
    }

    private Mono<Institution> known(ReferralId referralId, InstitutionId institutionId) {
        return institutions.find(institutionId)
                .switchIfEmpty(Mono.error(() -> new ReferenceDataMissing(referralId, institutionId)));
    }

    @Override
    public Mono<Void> referralClosed(ClosedReferral referral) {
        return filings.findByReferral(referral.referralId())
                .flatMap(filing -> {
                    Outcome<TransferFiling, FilingEvent> change = filing.revoke(referral.reason(), clock.instant());
                    if (!change.changed()) {
                        return Mono.just(false);
                    }
                    return filings.saveRevocation(change).doOnNext(saved -> {
                        if (saved) {
                            log.info("Revoked transfer filing (2502) {} of referral {}: {}", filing.filingId(),
                                    referral.referralId(), referral.reason());
                        }
                    });
                })
                .then();
    }

    @Override
    public Flux<Shown<TransferFiling>> forReferral(Caller caller, ReferralId referralId, String purpose) {
        return reads.shown(caller, AuditRecord.READ_TRANSFER_FILING, filings.findByReferral(referralId), purpose)
                .flux();
    }

    @Override
    public Mono<Shown<TransferFiling>> find(Caller caller, FilingId filingId, String purpose) {
        return reads.shown(caller, AuditRecord.READ_TRANSFER_FILING, filings.findById(filingId), purpose)
                .switchIfEmpty(Mono.error(() -> new NotFound("Transfer filing", filingId.value())));
    }
}

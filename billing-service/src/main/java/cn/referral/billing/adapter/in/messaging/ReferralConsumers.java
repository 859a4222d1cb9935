package cn.referral.billing.adapter.in.messaging;

import static cn.referral.platform.events.published.ReferralTopics.ACCEPTED;
import static cn.referral.platform.events.published.ReferralTopics.CANCELLED;
import static cn.referral.platform.events.published.ReferralTopics.EXPIRED;
import static cn.referral.platform.events.published.ReferralTopics.NO_SHOW;

import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.billing.application.port.in.AcceptedForFiling;
import cn.referral.billing.application.port.in.AcceptedReferral;
import cn.referral.billing.application.port.in.ClosedReferral;
import cn.referral.billing.application.port.in.DecisionUseCases;
import cn.referral.billing.application.port.in.TransferFilingUseCases;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.decision.ClosingReason;
import cn.referral.billing.domain.decision.Direction;
import cn.referral.billing.domain.decision.ReferralEligibility;
import cn.referral.billing.domain.decision.SourceEpisode;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealContext;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.MalformedEventException;
import cn.referral.platform.messaging.EventConsumers;
import reactor.core.publisher.Mono;

/**
 * Turns the referral lifecycle into deductible decisions: accepted issues one, cancelled, expired
 * and no-show revoke it. Other referral events are skipped. A message that cannot be read (unknown
 * enum value, a sealed number that does not open) fails, is retried and then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class ReferralConsumers {

    /** Bound to {@code referral.events.v1} as {@code referralEvents-in-0}. */
    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, DecisionUseCases decisions,
                                             TransferFilingUseCases filings, PatientDataCrypto crypto) {
        // the 转院备案 follows the decision of the same event: both are idempotent, so a retry after a
        // failure between the two completes the second without repeating the first
        return consumers.consumer("deductible-decisions")
                .on(ACCEPTED, ReferralAcceptedV1.class,
                        (event, accepted) -> decisions.referralAccepted(toCommand(event, accepted, crypto))
                                .then(filings.referralAccepted(forFiling(event, accepted))))
                .on(CANCELLED, ReferralClosedV1.class, closes(ClosingReason.REFERRAL_CANCELLED, decisions, filings))
                .on(EXPIRED, ReferralClosedV1.class, closes(ClosingReason.REFERRAL_EXPIRED, decisions, filings))
                .on(NO_SHOW, ReferralClosedV1.class, closes(ClosingReason.REFERRAL_NO_SHOW, decisions, filings))
                .build();
    }

    /** A close for {@code reason}: revokes the referral's decision, then its 转院备案. */
    private static BiFunction<IncomingEvent, ReferralClosedV1, Mono<?>> closes(ClosingReason reason,
                                                                              DecisionUseCases decisions,
                                                                              TransferFilingUseCases filings) {
        return (event, closed) -> {
            ClosedReferral referral = new ClosedReferral(referralId(event, closed.referralId()), reason);
            return decisions.referralClosed(referral).then(filings.referralClosed(referral));
        };
    }

    private static AcceptedForFiling forFiling(IncomingEvent event, ReferralAcceptedV1 accepted) {
        return new AcceptedForFiling(referralId(event, accepted.referralId()), accepted.diagnosisCode(),
                accepted.diagnosisName(), accepted.clinicalSummary(), accepted.reason());
    }

    private static AcceptedReferral toCommand(IncomingEvent event, ReferralAcceptedV1 accepted,
                                              PatientDataCrypto crypto) {
        try {
            ReferralAcceptedV1.Insurance insurance = accepted.insurance();
            if (insurance == null) {
                throw new MalformedEventException("Event " + event.id() + " has no insurance");
            }
            ReferralAcceptedV1.SourceEpisode episode = accepted.sourceEpisode();
            ReferralId referralId = referralId(event, accepted.referralId());
            return new AcceptedReferral(referralId,
                    Direction.valueOf(accepted.direction()), CareType.valueOf(accepted.careType()),
                    new InstitutionId(accepted.fromInstitutionId()), new InstitutionId(accepted.toInstitutionId()),
                    InsuranceScheme.valueOf(insurance.scheme()), new RegionCode(insurance.regionCode()),
                    // sealed by referral-service for this referral only (docs/patient-data-keys.md)
                    new InsuredPersonNo(crypto.unseal(insurance.insuredPersonNoSealed(),
                            new SealContext("referrals", referralId.value(), "patient.insuredPersonNo"))),
                    episode == null ? null : new SourceEpisode(episode.admissionDate(), episode.dischargedOn(),
                            Fen.of(episode.deductiblePaidFen() == null ? 0 : episode.deductiblePaidFen())),
                    accepted.acceptedAt() != null ? accepted.acceptedAt() : event.time(), accepted.appointmentAt(),
                    eligibility(accepted.eligibility()));
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            // the message names the field, never a value: a sealed number must not reach the logs
            throw new MalformedEventException("Event " + event.id() + " (" + event.type()
                    + ") is not a usable accept: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A value this reader does not know is read as UNKNOWN (tolerant reader), never as CATALOG. */
    private static ReferralEligibility eligibility(String value) {
        if (value == null) {
            return ReferralEligibility.UNKNOWN;
        }
        return switch (value) {
            case "CATALOG" -> ReferralEligibility.CATALOG;
            case "OVERRIDE" -> ReferralEligibility.OVERRIDE;
            default -> ReferralEligibility.UNKNOWN;
        };
    }

    private static ReferralId referralId(IncomingEvent event, String fromPayload) {
        String id = fromPayload != null ? fromPayload : event.key();
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " names no referral");
        }
        return new ReferralId(id);
    }
}


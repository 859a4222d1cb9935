package cn.referral.billing.adapter.out.messaging;

import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.in.RegisteredFiling;
import cn.referral.billing.domain.filing.FilingEvent;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.published.BillingTopics;

/**
 * Maps 转院备案 events to the 2501 / 2502 wire records, as outbox events on the decisions topic keyed
 * by referral id: on one partition with the referral's decision (a 2502 never before its 2501; the filing and
 * the decision are separate records, joined by decisionId, not by arrival order).
 */
@Component
public class TransferFilingMessages extends DecisionsTopicMessages<FilingEvent> {

    public TransferFilingMessages(EventFactory events) {
        super(events);
    }

    @Override
    protected WireRecord wire(FilingEvent event) {
        ReferralId referralId = event.filing().referralId();
        if (event instanceof FilingEvent.Revoked revoked) {
            return new WireRecord(referralId, BillingTopics.FILING_REVOKED, revocation(revoked));
        }
        return new WireRecord(referralId, BillingTopics.FILING_REGISTERED, registration(event.filing()));
    }

    /** The 2501 record of a filing, with {@code psn_no} in full. */
    public static TransferFiling2501V1 registration(TransferFiling filing) {
        return new TransferFiling2501V1(RegisteredFiling.of(filing, filing.insuredPersonNo().value()),
                filing.version());
    }

    /** The 2502 record of a revoked filing. */
    public static TransferFiling2502V1 revocation(FilingEvent.Revoked event) {
        TransferFiling filing = event.filing();
        return new TransferFiling2502V1("2502", filing.filingId().value(), filing.referralId().value(),
                filing.decisionId().value(),
                filing.insuredPersonNo().value(), filing.insuringRegion().value(), filing.referring().medinsCode(),
                null, memo(event), event.reason().name(), event.occurredAt(),
                event.version());
    }

    private static String memo(FilingEvent.Revoked event) {
        return switch (event.reason()) {
            case REFERRAL_CANCELLED -> "转诊已取消";
            case REFERRAL_EXPIRED -> "转诊超时未接收";
            case REFERRAL_NO_SHOW -> "患者未到诊";
        };
    }
}

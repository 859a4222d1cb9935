package cn.referral.billing.adapter.out.messaging;

/** The topic billing-service produces and the event types on it (DESIGN §3, docs/event-contracts.md). */
public final class BillingTopics {

    public static final String DECISIONS = "billing.decisions.v1";
    public static final String DECISION_ISSUED = "billing.deductible-decision-issued.v1";
    public static final String DECISION_REVOKED = "billing.deductible-decision-revoked.v1";
    /** 转院备案 (2501) and its revocation (2502), on the same topic: docs/insurance-2501.md says why. */
    public static final String FILING_REGISTERED = "billing.transfer-filing-registered.v1";
    public static final String FILING_REVOKED = "billing.transfer-filing-revoked.v1";

    private BillingTopics() {
    }
}

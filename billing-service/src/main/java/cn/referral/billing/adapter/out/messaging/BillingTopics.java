package cn.referral.billing.adapter.out.messaging;

/** The topic billing-service produces and the event types on it (DESIGN §3, docs/event-contracts.md). */
public final class BillingTopics {

    public static final String DECISIONS = "billing.decisions.v1";
    public static final String DECISION_ISSUED = "billing.deductible-decision-issued.v1";
    public static final String DECISION_REVOKED = "billing.deductible-decision-revoked.v1";

    private BillingTopics() {
    }
}

package cn.referral.platform.events.published;

/**
 * The topic billing-service produces, {@code billing.decisions.v1} (keyed by referral id), and the {@code ce_type}
 * of the records on it: part of the published language of DESIGN §3, each payload documented in
 * docs/event-contracts.md ("billing.decisions.v1"). Insurance settlement systems read the decisions, so these
 * names are a contract outside the platform too.
 *
 * <p>Declared once, here, beside the other services' published names. Only the names are shared: each service
 * still declares the wire records it writes or reads (tolerant reader, no shared event jar).
 */
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

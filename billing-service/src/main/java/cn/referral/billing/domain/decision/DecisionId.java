package cn.referral.billing.domain.decision;

import cn.referral.platform.domain.Identifier;

/**
 * The id of a {@link DeductibleDecision}, given by billing when it issues one: opaque, never blank. Stored
 * and sent as its plain {@link #value} (the web, the decision document, the wire messages, the audit records
 * and the settlement export keep a string); the type only keeps decision ids apart from the other ids in
 * billing's signatures.
 */
public record DecisionId(String value) implements Identifier {

    public DecisionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a decision id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package cn.referral.referral.domain.referral;

import java.util.List;

/**
 * Why a referral was allowed: the catalog entry that covers it, or the doctor's reason for
 * referring outside the catalog (recorded and counted). {@code explanation} is shown to the doctor.
 */
public record Eligibility(boolean inCatalog, String catalogId, String catalogEntry, String overrideReason,
                          boolean toContractedInstitution, List<String> explanation) {

    public Eligibility {
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }

    public boolean overridden() {
        return !inCatalog;
    }
}

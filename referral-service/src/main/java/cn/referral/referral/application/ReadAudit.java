package cn.referral.referral.application;

import cn.referral.platform.audit.AccessPurpose;
import cn.referral.referral.domain.referral.ActorRole;

/**
 * What an audit record of a read of patient data names, the same for the JSON API and the FHIR view: the
 * action, and the purpose, a code of {@link AccessPurpose} (docs/audit.md), so the trail can be searched by it.
 */
final class ReadAudit {

    /** A referral read in full, by someone who may see it. */
    static final String READ_REFERRAL = "READ_REFERRAL";
    /** A referral read by the family doctor of its patient's contract (the closed loop). */
    static final String READ_AS_FAMILY_DOCTOR = "READ_AS_FAMILY_DOCTOR";
    /** A referral listed on the family doctor's worklist of contracted patients. */
    static final String LIST_AS_FAMILY_DOCTOR = "LIST_AS_FAMILY_DOCTOR";
    /** A referral found by a search of the FHIR view. */
    static final String SEARCH_REFERRAL = "SEARCH_REFERRAL";
    /** A patient read in the FHIR view. */
    static final String READ_PATIENT = "READ_PATIENT";

    private ReadAudit() {
    }

    /**
     * The purpose to record: the one the reader declared (a {@code DeclaredPurpose}, checked where the request
     * came in), else the one usual for the reader's role.
     */
    static String purpose(String declared, ActorRole role) {
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        AccessPurpose usual = switch (role) {
            case REFERRAL_DESK -> AccessPurpose.REFERRAL_HANDLING;
            case AUDITOR -> AccessPurpose.AUDIT;
            default -> AccessPurpose.TREATMENT;
        };
        return usual.name();
    }
}

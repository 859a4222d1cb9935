package cn.referral.referral.application.port.in;

import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.referral.domain.referral.Patient;
import cn.referral.referral.domain.referral.Referral;
import reactor.core.publisher.Mono;

/**
 * Read-only access to referrals for other systems' views (the FHIR R4 view): the same object-level
 * rules as the JSON API (a referral the caller may not see is not found) and the same audit of
 * every read of a referral's patient data.
 */
public interface ReferralQueries {

    /** One referral the caller may see; writes an audit record of the read. */
    Mono<Referral> read(ReferralId referralId, String purpose, Caller caller);

    /** A page of the referrals the caller may see that match; writes an audit record per referral shown. */
    Mono<ReferralPage> search(ReferralSearch search, String purpose, Caller caller);

    /**
     * The patient with this pseudonym, as held in the newest referral of theirs the caller may see;
     * not found when the caller sees none. Writes an audit record of the read.
     */
    Mono<Patient> patient(String patientRef, String purpose, Caller caller);

    /**
     * The institution of the local registry view with this id, else the alliance with it; empty when
     * neither (reference data: any authenticated caller).
     */
    Mono<NetworkOrganization> organization(String id);
}

package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.policy.GreenChannel;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a submitted referral asks of the ledger: a unit of the resource it needs, in its date window.
 * {@code department} is null when the referral names none (a down-referral to a primary institution
 * often does): no department's pool then matches, and the referral is answered "unavailable".
 *
 * @param contracted                  the patient has a valid family-doctor contract (签约)
 * @param referredByContractedPrimary the patient is contracted with the institution that refers them (经基层医生转诊的签约患者)
 */
public record HoldRequest(ReferralId referralId, InstitutionId institutionId, String department, Resource resource,
                          Urgency urgency, boolean contracted, boolean referredByContractedPrimary,
                          LocalDate requestedFrom, LocalDate requestedUntil, Instant acceptBy) {

    public HoldRequest {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(requestedFrom, "requestedFrom");
        Objects.requireNonNull(requestedUntil, "requestedUntil");
    }

    /** This request, with whether its patient is contracted with the institution that refers them. */
    public HoldRequest withReferredByContractedPrimary(boolean value) {
        return new HoldRequest(referralId, institutionId, department, resource, urgency, contracted, value,
                requestedFrom, requestedUntil, acceptBy);
    }

    public boolean isEmergency() {
        return GreenChannel.admitsBeyondReserve(urgency);
    }

    /** The entry this referral gets on a full pool's waitlist, in {@code waitlistClass}. */
    public WaitlistEntry asWaitlistEntry(PoolId poolId, WaitlistClass waitlistClass, boolean servedFirst, long seq,
                                         Instant now) {
        return new WaitlistEntry(poolId, referralId, urgency, contracted, waitlistClass, servedFirst, acceptBy, now,
                seq);
    }
}

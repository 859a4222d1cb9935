package cn.referral.quota.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a submitted referral asks of the ledger: a unit of the resource it needs, in its date window.
 * {@code department} is null when the referral names none (a down-referral to a primary institution
 * often does): no department's pool then matches, and the referral is answered "unavailable".
 */
public record HoldRequest(String referralId, String institutionId, String department, Resource resource,
                          Urgency urgency, boolean contracted, LocalDate requestedFrom, LocalDate requestedUntil,
                          Instant acceptBy) {

    public HoldRequest {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(requestedFrom, "requestedFrom");
        Objects.requireNonNull(requestedUntil, "requestedUntil");
    }

    public boolean isEmergency() {
        return GreenChannel.admitsBeyondReserve(urgency);
    }

    public WaitlistEntry asWaitlistEntry(Instant now) {
        return new WaitlistEntry(referralId, urgency, contracted, acceptBy, now);
    }
}

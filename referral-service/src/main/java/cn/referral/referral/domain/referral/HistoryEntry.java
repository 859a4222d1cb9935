package cn.referral.referral.domain.referral;

import java.time.Instant;

/** One line of a referral's history: who did what when, from which state to which, and why. */
public record HistoryEntry(Instant at, String actorId, ActorRole role, String institutionId, HistoryAction action,
                           ReferralState from, ReferralState to, String reason) {

    static HistoryEntry of(Actor by, Instant at, HistoryAction action, ReferralState from, ReferralState to,
                           String reason) {
        return new HistoryEntry(at, by.userId(), by.role(),
                by.institutionId() == null ? null : by.institutionId().value(), action, from, to, reason);
    }
}

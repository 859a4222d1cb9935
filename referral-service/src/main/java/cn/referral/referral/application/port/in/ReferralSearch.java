package cn.referral.referral.application.port.in;

import java.util.Set;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.domain.referral.ReferralState;

/**
 * What to look for: every criterion given must match (null means any); {@code states} null means
 * every state and empty means none (a status no state maps to). Paged by {@code offset} and {@code count}, oldest submission first unless {@code newestFirst}.
 */
public record ReferralSearch(ReferralId referralId, InstitutionId fromInstitutionId, InstitutionId toInstitutionId,
                             String patientRef,
                             Set<ReferralState> states, int offset, int count, boolean newestFirst) {

    public ReferralSearch {
        states = states == null ? null : Set.copyOf(states);
        if (offset < 0 || count < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and count >= 1");
        }
    }
}

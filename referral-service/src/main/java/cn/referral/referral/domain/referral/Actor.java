package cn.referral.referral.domain.referral;

import java.util.Objects;
import cn.referral.platform.domain.InstitutionId;

/** Who acts: a user of an institution in one role, or the system itself. */
public record Actor(String userId, ActorRole role, InstitutionId institutionId) {

    public static final Actor SYSTEM = new Actor("referral-service", ActorRole.SYSTEM, null);

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean worksAt(InstitutionId institution) {
        return institutionId != null && institutionId.equals(institution);
    }
}

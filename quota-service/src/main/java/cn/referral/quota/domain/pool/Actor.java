package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.InstitutionId;

import java.util.Objects;

/** Who asks about pools: a user of an institution (none for some roles) in the role that matters for pools. */
public record Actor(ActorRole role, InstitutionId institutionId) {

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    public boolean worksAt(InstitutionId institution) {
        return institutionId != null && institutionId.equals(institution);
    }
}

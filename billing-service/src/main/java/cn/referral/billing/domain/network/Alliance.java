package cn.referral.billing.domain.network;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;

import java.util.Objects;
import java.util.Set;

/**
 * A 医联体 as billing sees it, kept from the registry's snapshots: its type and every member
 * (leads and hub included). Only an active alliance counts for a rule.
 */
public record Alliance(AllianceId id, AllianceType type, String regionCode, Set<InstitutionId> memberInstitutionIds,
                       boolean active, long version) {

    public Alliance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        memberInstitutionIds = memberInstitutionIds == null ? Set.of() : Set.copyOf(memberInstitutionIds);
    }

    public boolean includes(InstitutionId institutionId) {
        return active && memberInstitutionIds.contains(institutionId);
    }
}

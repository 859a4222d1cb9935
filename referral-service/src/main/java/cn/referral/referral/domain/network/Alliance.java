package cn.referral.referral.domain.network;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;

import java.util.List;
import java.util.Objects;

/** A medical alliance (医联体) as far as reports need it: its members. */
public record Alliance(AllianceId allianceId, String name, List<InstitutionId> memberInstitutionIds, boolean active,
                       long version) {

    public Alliance {
        Objects.requireNonNull(allianceId, "allianceId");
        memberInstitutionIds = memberInstitutionIds == null ? List.of() : List.copyOf(memberInstitutionIds);
    }
}

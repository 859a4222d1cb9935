package cn.referral.registry.domain.alliance;

import java.util.Collection;
import java.util.List;

import cn.referral.platform.domain.InstitutionId;

/** Whether two institutions are in the same active alliance, and in which. */
public record CommonAlliances(InstitutionId institutionA, InstitutionId institutionB, List<Alliance> shared) {

    public CommonAlliances {
        shared = List.copyOf(shared);
    }

    public static CommonAlliances of(InstitutionId a, InstitutionId b, Collection<Alliance> alliances) {
        return new CommonAlliances(a, b, alliances.stream()
                .filter(Alliance::active)
                .filter(alliance -> alliance.includes(a) && alliance.includes(b))
                .toList());
    }

    public boolean sameAlliance() {
        return !shared.isEmpty();
    }
}

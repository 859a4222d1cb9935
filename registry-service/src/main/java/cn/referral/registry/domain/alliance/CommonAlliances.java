package cn.referral.registry.domain.alliance;

import java.util.Collection;
import java.util.List;

/** Whether two institutions are in the same active alliance, and in which. */
public record CommonAlliances(String institutionA, String institutionB, List<Alliance> shared) {

    public CommonAlliances {
        shared = List.copyOf(shared);
    }

    public static CommonAlliances of(String a, String b, Collection<Alliance> alliances) {
        return new CommonAlliances(a, b, alliances.stream()
                .filter(Alliance::active)
                .filter(alliance -> alliance.includes(a) && alliance.includes(b))
                .toList());
    }

    public boolean sameAlliance() {
        return !shared.isEmpty();
    }
}

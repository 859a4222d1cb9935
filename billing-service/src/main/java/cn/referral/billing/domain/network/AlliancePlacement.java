package cn.referral.billing.domain.network;

import cn.referral.platform.domain.InstitutionId;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the two institutions of a referral stand among the alliances: which alliances hold both,
 * which hold only one. Built from the alliances that include either of them.
 */
public record AlliancePlacement(InstitutionId fromInstitutionId, InstitutionId toInstitutionId,
                                List<Alliance> alliances) {

    public AlliancePlacement {
        alliances = alliances == null ? List.of() : alliances.stream()
                .filter(Alliance::active)
                .sorted(Comparator.comparing(alliance -> alliance.id().value()))
                .toList();
    }

    /** The first alliance (by id) of one of {@code types} that holds both institutions. */
    public Optional<Alliance> commonAlliance(Set<AllianceType> types) {
        return alliances.stream()
                .filter(alliance -> types.contains(alliance.type()))
                .filter(this::holdsBoth)
                .findFirst();
    }

    /** Any alliance holding both, whatever its type: what insurers read as {@code sameAlliance}. */
    public Optional<Alliance> anyCommonAlliance() {
        return alliances.stream().filter(this::holdsBoth).findFirst();
    }

    /** Both are in alliances of {@code types}, but no alliance of those types holds both (医联体之间). */
    public boolean betweenAlliances(Set<AllianceType> types) {
        return commonAlliance(types).isEmpty()
                && inAllianceOf(fromInstitutionId, types) && inAllianceOf(toInstitutionId, types);
    }

    private boolean holdsBoth(Alliance alliance) {
        return alliance.includes(fromInstitutionId) && alliance.includes(toInstitutionId);
    }

    private boolean inAllianceOf(InstitutionId institutionId, Set<AllianceType> types) {
        return alliances.stream().anyMatch(alliance -> types.contains(alliance.type()) && alliance.includes(institutionId));
    }
}

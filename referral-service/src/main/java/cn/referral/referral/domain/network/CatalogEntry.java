package cn.referral.referral.domain.network;

import java.util.Set;

import cn.referral.referral.domain.referral.CareType;

/** One disease of a referral catalog: an ICD-10 code or prefix, for some care types (none listed = all). */
public record CatalogEntry(String code, String name, Set<CareType> careTypes) {

    public CatalogEntry {
        careTypes = careTypes == null ? Set.of() : Set.copyOf(careTypes);
    }

    public boolean allows(CareType careType) {
        return careTypes.isEmpty() || careTypes.contains(careType);
    }
}

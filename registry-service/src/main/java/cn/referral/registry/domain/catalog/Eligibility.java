package cn.referral.registry.domain.catalog;

import java.util.Optional;

import cn.referral.registry.domain.institution.InstitutionLevel;

/**
 * The answer to "is this diagnosis in the catalog for this referral?", with the entry that decided
 * it and a sentence a doctor can read.
 */
public record Eligibility(ReferralDirection direction, DiagnosisCode diagnosis, InstitutionLevel targetLevel,
                          boolean inCatalog, DiseaseCatalog catalog, CatalogEntry matchedEntry, String explanation) {

    public Optional<CatalogEntry> match() {
        return Optional.ofNullable(matchedEntry);
    }
}

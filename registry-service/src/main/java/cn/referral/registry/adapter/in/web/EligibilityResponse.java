package cn.referral.registry.adapter.in.web;

import cn.referral.registry.domain.catalog.Eligibility;

/** Answer of {@code GET /catalogs/eligibility}: in the catalog or not, the entry that decided, and why. */
public record EligibilityResponse(String direction, String diagnosis, String targetLevel, boolean inCatalog,
                                  MatchedEntry matchedEntry, String explanation) {

    public record MatchedEntry(String catalogId, String catalogName, long catalogVersion, String effectiveFrom,
                               CatalogResponse.Entry entry) {
    }

    static EligibilityResponse of(Eligibility eligibility) {
        MatchedEntry matched = eligibility.match()
                .map(entry -> new MatchedEntry(eligibility.catalog().id().value(), eligibility.catalog().name(),
                        eligibility.catalog().version(), eligibility.catalog().effectiveFrom().toString(),
                        CatalogResponse.Entry.of(entry)))
                .orElse(null);
        return new EligibilityResponse(eligibility.direction().name(), eligibility.diagnosis().value(),
                eligibility.targetLevel().name(), eligibility.inCatalog(), matched, eligibility.explanation());
    }
}

package cn.referral.registry.domain.catalog;

import java.time.LocalDate;
import java.util.List;

import cn.referral.registry.domain.institution.InstitutionLevel;

/** What a registry administrator says about a catalog; the registry owns its id, version and active flag. */
public record CatalogDetails(String name, ReferralDirection direction, InstitutionLevel targetLevel,
                             LocalDate effectiveFrom, List<CatalogEntry> entries) {
}

package cn.referral.referral.domain.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * A referral's diagnosis must be in an up- or down-referral catalog in force for the target's
 * level; outside the catalogs the doctor must say why ({@code overrideReason}), which is recorded
 * and counted. The decision explains itself.
 * <p>
 * Seed 001 (五) 1: “确定医联体内不同层级医疗机构诊疗病种目录及上转、下转病种目录”; seed 004 第二十一条:
 * “建立健全双向转诊标准，规范双向转诊流程”.
 */
public final class CatalogEligibility {

    private CatalogEligibility() {
    }

    /**
     * Which entry decides, the same rule as registry-service's (docs/eligibility.md, table of cases in
     * docs/eligibility-cases.csv run by both services): the most specific covering entry (longest code,
     * dots ignored); on a tie the catalog in effect most recently, then the higher catalog version, then
     * the smaller catalog id. Never the order the catalogs happen to be stored in.
     */
    static final Comparator<Match> MOST_SPECIFIC = Comparator
            .comparingInt((Match m) -> matchKey(m.entry().code()).length())
            .thenComparing(m -> m.catalog().effectiveFrom() == null ? LocalDate.MIN : m.catalog().effectiveFrom())
            .thenComparingLong(m -> m.catalog().version())
            .thenComparing(m -> m.catalog().catalogId().value(), Comparator.reverseOrder());

    record Match(Catalog catalog, CatalogEntry entry) {
    }

    public static Eligibility assess(Direction direction, CareType careType, Diagnosis diagnosis,
                                     InstitutionLevel targetLevel, List<Catalog> catalogs, String overrideReason,
                                     LocalDate day, boolean toContractedInstitution, List<String> context) {
        List<String> explanation = new ArrayList<>(context);
        Optional<Match> best = catalogs.stream()
                .filter(catalog -> catalog.appliesTo(direction, targetLevel, day))
                .flatMap(catalog -> catalog.entries().stream()
                        .filter(entry -> covers(entry.code(), diagnosis.code()) && entry.allows(careType))
                        .map(entry -> new Match(catalog, entry)))
                .max(MOST_SPECIFIC);
        if (best.isPresent()) {
            Catalog catalog = best.get().catalog();
            CatalogEntry entry = best.get().entry();
            explanation.add(diagnosis.code() + " is in " + catalog.name() + " (" + catalog.catalogId() + ") as "
                    + entry.code() + (entry.name() == null ? "" : " " + entry.name()));
            return new Eligibility(true, catalog.catalogId().value(), entry.code(), null, toContractedInstitution,
                    explanation);
        }
        String where = (direction == Direction.UP ? "上转" : "下转") + "病种目录 for " + targetLevel + " / " + careType;
        if (overrideReason == null || overrideReason.isBlank()) {
            explanation.add(diagnosis.code() + " is not in any " + where);
            explanation.add("give overrideReason to refer outside the catalog; it is recorded and counted");
            throw new ReferralRuleViolation("outside-catalog", "overrideReason",
                    diagnosis.code() + " is outside the " + where + " and no overrideReason was given",
                    explanation);
        }
        explanation.add(diagnosis.code() + " is not in any " + where + "; referred on the doctor's override: "
                + overrideReason.strip());
        return new Eligibility(false, null, null, overrideReason.strip(), toContractedInstitution, explanation);
    }

    /** An entry covers a diagnosis that is its code or lies under it as a prefix, dots ignored, in any case. */
    static boolean covers(String entryCode, String diagnosisCode) {
        return entryCode != null && !entryCode.isBlank() && matchKey(diagnosisCode).startsWith(matchKey(entryCode));
    }

    private static String matchKey(String code) {
        return code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }
}

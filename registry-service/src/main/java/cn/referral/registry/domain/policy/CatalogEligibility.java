package cn.referral.registry.domain.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;

/**
 * Decides whether a referral's diagnosis is in the catalog that governs it, and explains why.
 * <p>
 * Seed 001 二(五)1: "确定医联体内不同层级医疗机构诊疗病种目录及上转、下转病种目录"; 二(五)2: "在确保医疗安全的基础上，合理确定向下转诊病种，
 * 明确转诊标准、转诊流程、治疗方案". Seed 004 第二十一条: "建立健全双向转诊标准，规范双向转诊流程".
 * <p>
 * The catalogs that govern are the active ones of the direction and target level already in effect on
 * the day. Among their entries that cover the diagnosis (an exact code or a prefix of it) and hold for
 * the care type, the most specific wins: {@code I63.9} before {@code I63} before {@code I6}; on a tie the
 * catalog in effect most recently.
 */
public final class CatalogEligibility {

    private static final Comparator<Candidate> MOST_SPECIFIC = Comparator
            .comparingInt((Candidate c) -> c.entry().specificity())
            .thenComparing(c -> c.catalog().effectiveFrom())
            .thenComparingLong(c -> c.catalog().version())
            .thenComparing(c -> c.catalog().id().value(), Comparator.reverseOrder());

    private CatalogEligibility() {
    }

    public static Eligibility check(ReferralDirection direction, DiagnosisCode diagnosis, InstitutionLevel targetLevel,
                                    CareType careType, LocalDate day, Collection<DiseaseCatalog> catalogs) {
        List<DiseaseCatalog> governing = catalogs.stream()
                .filter(catalog -> catalog.governs(direction, targetLevel, day))
                .toList();
        String catalogWord = direction == ReferralDirection.UP ? "up-referral (上转)" : "down-referral (下转)";
        if (governing.isEmpty()) {
            return new Eligibility(direction, diagnosis, targetLevel, false, null, null,
                    "No " + catalogWord + " catalog for " + targetLevel + " institutions is in effect on " + day
                            + "; the referral needs an override reason.");
        }
        return governing.stream()
                .flatMap(catalog -> catalog.entries().stream()
                        .filter(entry -> entry.covers(diagnosis) && entry.appliesTo(careType))
                        .map(entry -> new Candidate(catalog, entry)))
                .max(MOST_SPECIFIC)
                .map(best -> new Eligibility(direction, diagnosis, targetLevel, true, best.catalog(), best.entry(),
                        diagnosis + " is in the " + catalogWord + " catalog \"" + best.catalog().name() + "\" (v"
                                + best.catalog().version() + ", in effect since " + best.catalog().effectiveFrom()
                                + ") for " + targetLevel + " institutions, by entry " + best.entry().code() + " "
                                + best.entry().name() + careTypeNote(best.entry(), careType) + "."))
                .orElseGet(() -> new Eligibility(direction, diagnosis, targetLevel, false, null, null,
                        diagnosis + " matches no entry" + (careType == null ? "" : " for " + careType) + " of the "
                                + governing.size() + " " + catalogWord + " catalog(s) in effect for " + targetLevel
                                + " institutions; the referral needs an override reason."));
    }

    private static String careTypeNote(CatalogEntry entry, CareType careType) {
        return entry.careTypes().isEmpty() || careType == null ? "" : " (" + careType + ")";
    }

    private record Candidate(DiseaseCatalog catalog, CatalogEntry entry) {
    }
}

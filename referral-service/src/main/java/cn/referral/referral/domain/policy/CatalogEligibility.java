package cn.referral.referral.domain.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    public static Eligibility assess(Direction direction, CareType careType, Diagnosis diagnosis,
                                     InstitutionLevel targetLevel, List<Catalog> catalogs, String overrideReason,
                                     LocalDate day, boolean toContractedInstitution, List<String> context) {
        List<String> explanation = new ArrayList<>(context);
        for (Catalog catalog : catalogs) {
            if (!catalog.appliesTo(direction, targetLevel, day)) {
                continue;
            }
            for (CatalogEntry entry : catalog.entries()) {
                if (diagnosis.isCoveredBy(entry.code()) && entry.allows(careType)) {
                    explanation.add(diagnosis.code() + " is in " + catalog.name() + " (" + catalog.catalogId()
                            + ") as " + entry.code() + (entry.name() == null ? "" : " " + entry.name()));
                    return new Eligibility(true, catalog.catalogId(), entry.code(), null, toContractedInstitution,
                            explanation);
                }
            }
        }
        String where = (direction == Direction.UP ? "上转" : "下转") + "病种目录 for " + targetLevel + " / " + careType;
        if (overrideReason == null || overrideReason.isBlank()) {
            explanation.add(diagnosis.code() + " is not in any " + where);
            explanation.add("give overrideReason to refer outside the catalog; it is recorded and counted");
            throw new ReferralRuleViolation("outside-catalog",
                    "overrideReason: " + diagnosis.code() + " is outside the " + where + " and no overrideReason was given",
                    explanation);
        }
        explanation.add(diagnosis.code() + " is not in any " + where + "; referred on the doctor's override: "
                + overrideReason.strip());
        return new Eligibility(false, null, null, overrideReason.strip(), toContractedInstitution, explanation);
    }
}

package cn.referral.registry.domain.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.referral.platform.domain.CatalogId;
import cn.referral.registry.domain.Deactivatable;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RecordLifecycle;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.institution.InstitutionLevel;

/**
 * An up- or down-referral disease catalog (上转/下转病种目录) for institutions of one target level,
 * in effect from a date. Seed 001 二(五)1: "确定医联体内不同层级医疗机构诊疗病种目录及上转、下转病种目录".
 */
public record DiseaseCatalog(CatalogId id, String name, ReferralDirection direction, InstitutionLevel targetLevel,
                             LocalDate effectiveFrom, List<CatalogEntry> entries, boolean active, long version)
        implements Deactivatable<CatalogId, DiseaseCatalog> {

    private static final RecordLifecycle<DiseaseCatalog> LIFECYCLE = new RecordLifecycle<>("catalog", "inactive",
            CatalogEvent.Published::new, CatalogEvent.Revised::new, CatalogEvent.Deactivated::new,
            CatalogEvent.Removed::new);

    public DiseaseCatalog {
        Objects.requireNonNull(id, "id");
        RegistryRuleViolation.requireText(name, "catalog-name", "name", "a catalog needs a name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(targetLevel, "targetLevel");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        entries = entries == null ? List.of() : List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new RegistryRuleViolation("catalog-empty", "entries", "a catalog lists at least one diagnosis");
        }
        Set<String> codes = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        entries.forEach(entry -> {
            if (!codes.add(entry.code())) {
                repeated.add(entry.code());
            }
        });
        if (!repeated.isEmpty()) {
            throw new RegistryRuleViolation("catalog-entry-repeated", "entries",
                    "the catalog lists these codes more than once: " + String.join(", ", repeated));
        }
    }

    public static Outcome<DiseaseCatalog> publish(CatalogId id, CatalogDetails details, Instant now) {
        return LIFECYCLE.created(of(id, details, true, 1), now);
    }

    public Outcome<DiseaseCatalog> revise(CatalogDetails details, Instant now) {
        return LIFECYCLE.revised(of(id, details, active, version + 1), now);
    }

    @Override
    public RecordLifecycle<DiseaseCatalog> lifecycle() {
        return LIFECYCLE;
    }

    @Override
    public DiseaseCatalog madeInactive() {
        return new DiseaseCatalog(id, name, direction, targetLevel, effectiveFrom, entries, false, version + 1);
    }

    /** Whether referrals on {@code day} in {@code direction} to {@code level} are judged by this catalog. */
    public boolean governs(ReferralDirection referralDirection, InstitutionLevel level, LocalDate day) {
        return active && direction == referralDirection && targetLevel == level && !effectiveFrom.isAfter(day);
    }

    private static DiseaseCatalog of(CatalogId id, CatalogDetails details, boolean active, long version) {
        return new DiseaseCatalog(id, details.name() == null ? null : details.name().strip(), details.direction(),
                details.targetLevel(), details.effectiveFrom(), details.entries(), active, version);
    }
}

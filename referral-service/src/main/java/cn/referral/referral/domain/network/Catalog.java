package cn.referral.referral.domain.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import cn.referral.platform.domain.CatalogId;
import cn.referral.referral.domain.referral.Direction;

/** An up- or down-referral disease catalog (上转/下转病种目录) for a target level, from the registry. */
public record Catalog(CatalogId catalogId, String name, Direction direction, InstitutionLevel targetLevel, long version,
                      LocalDate effectiveFrom, boolean active, List<CatalogEntry> entries) {

    public Catalog {
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(direction, "direction");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** Whether it is in force for referrals in {@code direction} to a {@code level} institution on {@code day}. */
    public boolean appliesTo(Direction wanted, InstitutionLevel level, LocalDate day) {
        return active && direction == wanted && (targetLevel == null || targetLevel == level)
                && (effectiveFrom == null || !effectiveFrom.isAfter(day));
    }
}

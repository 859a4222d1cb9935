package cn.referral.registry.domain.alliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.Deactivatable;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RecordLifecycle;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.institution.RegionCode;

/**
 * A medical alliance (医联体): lead institution(s), an optional hub member (枢纽型成员单位, e.g. 鹿城区人民医院
 * in seed 003 annex 3), its members and, for urban groups and county communities, its 片区 grid.
 * {@code memberInstitutionIds} holds every member: leads, hub and the institutions of its grid included.
 */
public record Alliance(AllianceId id, String name, AllianceType type, RegionCode region,
                       List<InstitutionId> leadInstitutionIds, InstitutionId hubInstitutionId,
                       List<InstitutionId> memberInstitutionIds, List<GridCell> grids, boolean active, long version)
        implements Deactivatable<AllianceId, Alliance> {

    private static final RecordLifecycle<Alliance> LIFECYCLE = new RecordLifecycle<>("alliance", "inactive",
            AllianceEvent.Formed::new, AllianceEvent.Revised::new, AllianceEvent.Deactivated::new,
            AllianceEvent.Removed::new);

    public Alliance {
        Objects.requireNonNull(id, "id");
        RegistryRuleViolation.requireText(name, "alliance-name", "name", "an alliance needs a name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        leadInstitutionIds = List.copyOf(new LinkedHashSet<>(leadInstitutionIds == null ? List.of() : leadInstitutionIds));
        grids = grids == null ? List.of() : List.copyOf(grids);
        memberInstitutionIds = everyMember(leadInstitutionIds, hubInstitutionId, memberInstitutionIds, grids);
        requireStructure(type, leadInstitutionIds, hubInstitutionId, grids);
    }

    /** A new, active alliance. */
    public static Outcome<Alliance> form(AllianceId id, AllianceDetails details, Instant now) {
        return LIFECYCLE.created(of(id, details, true, 1), now);
    }

    public Outcome<Alliance> revise(AllianceDetails details, Instant now) {
        return LIFECYCLE.revised(of(id, details, active, version + 1), now);
    }

    @Override
    public RecordLifecycle<Alliance> lifecycle() {
        return LIFECYCLE;
    }

    @Override
    public Alliance madeInactive() {
        return new Alliance(id, name, type, region, leadInstitutionIds, hubInstitutionId, memberInstitutionIds, grids,
                false, version + 1);
    }

    public boolean includes(InstitutionId institutionId) {
        return memberInstitutionIds.contains(institutionId);
    }

    /** What the institution is in this alliance, if it is in it. */
    public Optional<AllianceRole> roleOf(InstitutionId institutionId) {
        if (leadInstitutionIds.contains(institutionId)) {
            return Optional.of(AllianceRole.LEAD);
        }
        if (institutionId.equals(hubInstitutionId)) {
            return Optional.of(AllianceRole.HUB);
        }
        return includes(institutionId) ? Optional.of(AllianceRole.MEMBER) : Optional.empty();
    }

    /** The 片区 the institution belongs to, if any. */
    public Optional<GridCell> gridCellOf(InstitutionId institutionId) {
        return grids.stream().filter(cell -> cell.includes(institutionId)).findFirst();
    }

    /** The grid cells this alliance is responsible for; none unless it is active and grid-managed. */
    public List<String> claimedGridCells() {
        if (!active || !type.isGridManaged()) {
            return List.of();
        }
        return grids.stream().map(GridCell::cellKey).toList();
    }

    private static Alliance of(AllianceId id, AllianceDetails details, boolean active, long version) {
        return new Alliance(id, details.name() == null ? null : details.name().strip(), details.type(), details.region(),
                details.leadInstitutionIds(), details.hubInstitutionId(), details.memberInstitutionIds(),
                details.grids(), active, version);
    }

    private static List<InstitutionId> everyMember(List<InstitutionId> leads, InstitutionId hub,
                                                   List<InstitutionId> members, List<GridCell> grids) {
        Set<InstitutionId> all = new LinkedHashSet<>(leads);
        if (hub != null) {
            all.add(hub);
        }
        if (members != null) {
            all.addAll(members);
        }
        for (GridCell cell : grids) {
            if (cell.leadInstitutionId() != null) {
                all.add(cell.leadInstitutionId());
            }
            all.addAll(cell.memberInstitutionIds());
        }
        return List.copyOf(all);
    }

    /**
     * An alliance has at least one lead (seed 003 二(一)1 "以市级三级公立医院……为牵头单位"); its hub is a member,
     * not a lead; only urban groups and county communities have a grid (seed 004 第三条); a grid names each
     * 片区 once.
     */
    private static void requireStructure(AllianceType type, List<InstitutionId> leads, InstitutionId hub,
                                         List<GridCell> grids) {
        if (leads.isEmpty()) {
            throw new RegistryRuleViolation("alliance-without-lead", "leadInstitutionIds",
                    "an alliance needs at least one lead institution (牵头单位)");
        }
        if (hub != null && leads.contains(hub)) {
            throw new RegistryRuleViolation("hub-is-lead", "hubInstitutionId",
                    "the hub member (枢纽型成员单位) " + hub + " cannot also be a lead institution");
        }
        if (!type.isGridManaged() && !grids.isEmpty()) {
            throw new RegistryRuleViolation("grid-not-managed", "grids",
                    "a " + type + " does not manage 片区 grid cells: only urban medical groups and county communities do");
        }
        Set<GridId> gridIds = new HashSet<>();
        Set<String> cells = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (GridCell cell : grids) {
            if (!gridIds.add(cell.gridId()) || !cells.add(cell.cellKey())) {
                repeated.add(cell.cellKey());
            }
        }
        if (!repeated.isEmpty()) {
            throw new RegistryRuleViolation("grid-cell-repeated", "grids",
                    "the grid names these 片区 more than once: " + String.join(", ", repeated));
        }
    }
}

package cn.referral.registry.domain.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceRole;
import cn.referral.registry.domain.alliance.GridCell;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.route.RouteQuestion;
import cn.referral.registry.domain.route.RouteSuggestion;
import cn.referral.registry.domain.route.RouteTier;

/**
 * Ranks where a patient can be referred: inside the source's own alliances first — the lead hospital,
 * then the hub member, then the other members of the right level — and only then other institutions,
 * those whose catalog covers the diagnosis and whose level fits best first.
 * <p>
 * Seed 004 第二十一条: "城市医疗集团和县域医共体内部应当建立牵头医院与成员单位间双向转诊通道与平台". Seed 003 二(一)3:
 * "医联体牵头医院的门诊、住院、检查检验等医疗资源，优先向成员单位倾斜". Seed 001 二(五)2: "医联体内上级医院对下级医院的转诊患者提供
 * 优先接诊、优先检查、优先住院等服务". Seed 001 二(四) gives the level fit: the lowest level whose function covers
 * the case ("城市三级医院……主要提供急危重症和疑难复杂疾病的诊疗服务"), so among equals the closer level comes first.
 * <p>
 * An up-referral goes to a higher level, a down-referral to a lower one; inactive institutions and the
 * source itself are never suggested. Grid-managed alliances (urban groups, county communities) come
 * before specialty alliances and telemedicine networks.
 */
public final class RouteRanking {

    private RouteRanking() {
    }

    public static List<RouteSuggestion> rank(RouteQuestion question, Institution from, Collection<Alliance> alliancesOfFrom,
                                             Collection<Institution> institutions,
                                             Function<InstitutionLevel, Eligibility> eligibilityAt) {
        Map<InstitutionId, Institution> byId = new LinkedHashMap<>();
        institutions.forEach(institution -> byId.put(institution.id(), institution));
        List<Alliance> alliances = alliancesOfFrom.stream()
                .filter(alliance -> alliance.active() && alliance.includes(from.id()))
                .sorted(Comparator.comparing((Alliance alliance) -> !alliance.type().isGridManaged())
                        .thenComparing(alliance -> alliance.gridCellOf(from.id()).isEmpty()))
                .toList();

        Map<InstitutionId, Candidate> chosen = new LinkedHashMap<>();
        for (AllianceRole role : AllianceRole.values()) {
            List<Candidate> tier = new ArrayList<>();
            for (Alliance alliance : alliances) {
                alliance.memberInstitutionIds().stream()
                        .filter(id -> alliance.roleOf(id).orElse(null) == role && !chosen.containsKey(id))
                        .map(byId::get)
                        .filter(target -> target != null && fits(question.direction(), from, target))
                        .filter(target -> tier.stream().noneMatch(c -> c.target().id().equals(target.id())))
                        .forEach(target -> tier.add(new Candidate(target, tierOf(role), alliance,
                                eligibilityAt.apply(target.level()))));
            }
            if (role == AllianceRole.MEMBER) {
                tier.sort(byFit(from));
            }
            tier.forEach(candidate -> chosen.put(candidate.target().id(), candidate));
        }
        byId.values().stream()
                .filter(target -> !chosen.containsKey(target.id()) && fits(question.direction(), from, target))
                .map(target -> new Candidate(target, RouteTier.OUTSIDE_ALLIANCE, null,
                        eligibilityAt.apply(target.level())))
                .sorted(byFit(from))
                .forEach(candidate -> chosen.put(candidate.target().id(), candidate));

        List<RouteSuggestion> suggestions = new ArrayList<>();
        for (Candidate candidate : chosen.values()) {
            if (suggestions.size() == question.limit()) {
                break;
            }
            suggestions.add(new RouteSuggestion(suggestions.size() + 1, candidate.target(), candidate.tier(),
                    candidate.alliance(), candidate.eligibility(), reasons(candidate, from)));
        }
        return suggestions;
    }

    private static boolean fits(ReferralDirection direction, Institution from, Institution target) {
        if (!target.active() || target.id().equals(from.id()) || target.level() == InstitutionLevel.UNRATED) {
            return false;
        }
        return direction == ReferralDirection.UP ? target.isAbove(from) : from.isAbove(target);
    }

    /** Catalog first, then the nearest level, then the nearest place. */
    private static Comparator<Candidate> byFit(Institution from) {
        return Comparator.comparing((Candidate c) -> !c.eligibility().inCatalog())
                .thenComparingInt(c -> c.target().level().distanceTo(from.level()))
                .thenComparingInt(c -> distance(from, c.target()))
                .thenComparing(c -> c.target().name());
    }

    private static int distance(Institution from, Institution target) {
        if (from.region().equals(target.region())) {
            return 0;
        }
        if (from.region().sameCityAs(target.region())) {
            return 1;
        }
        return from.region().sameProvinceAs(target.region()) ? 2 : 3;
    }

    private static RouteTier tierOf(AllianceRole role) {
        return switch (role) {
            case LEAD -> RouteTier.ALLIANCE_LEAD;
            case HUB -> RouteTier.ALLIANCE_HUB;
            case MEMBER -> RouteTier.ALLIANCE_MEMBER;
        };
    }

    private static List<String> reasons(Candidate candidate, Institution from) {
        List<String> reasons = new ArrayList<>();
        Alliance alliance = candidate.alliance();
        switch (candidate.tier()) {
            case ALLIANCE_LEAD -> reasons.add("lead hospital (牵头医院) of " + alliance.name() + ", the " + alliance.type()
                    + " that " + from.name() + " belongs to" + cellNote(alliance, from));
            case ALLIANCE_HUB -> reasons.add("hub member (枢纽型成员单位) of " + alliance.name() + ", the " + alliance.type()
                    + " that " + from.name() + " belongs to" + cellNote(alliance, from));
            case ALLIANCE_MEMBER -> reasons.add("member of " + alliance.name() + ", the " + alliance.type() + " that "
                    + from.name() + " belongs to" + cellNote(alliance, from));
            case OUTSIDE_ALLIANCE -> reasons.add("not in an alliance with " + from.name() + "; " + place(from,
                    candidate.target()));
        }
        reasons.add(candidate.target().level() + " institution, " + from.level().distanceTo(candidate.target().level())
                + " level(s) " + (candidate.target().isAbove(from) ? "above" : "below") + " " + from.level());
        Eligibility eligibility = candidate.eligibility();
        reasons.add(eligibility.explanation());
        return reasons;
    }

    private static String cellNote(Alliance alliance, Institution from) {
        Optional<GridCell> cell = alliance.gridCellOf(from.id());
        return cell.map(c -> " (片区 " + c.district() + " " + c.name() + ")").orElse("");
    }

    private static String place(Institution from, Institution target) {
        return switch (distance(from, target)) {
            case 0 -> "in the same district (" + target.region() + ")";
            case 1 -> "in the same city";
            case 2 -> "in the same province";
            default -> "in another province";
        };
    }

    private record Candidate(Institution target, RouteTier tier, Alliance alliance, Eligibility eligibility) {
    }
}

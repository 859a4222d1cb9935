package cn.referral.registry.domain.route;

import java.util.List;

import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.institution.Institution;

/**
 * One suggested target, with its place in the ranking and every reason for it, in words.
 * {@code alliance} is the alliance shared with the source, or null outside any.
 */
public record RouteSuggestion(int rank, Institution target, RouteTier tier, Alliance alliance, Eligibility eligibility,
                              List<String> reasons) {

    public RouteSuggestion {
        reasons = List.copyOf(reasons);
    }

    public String explanation() {
        return String.join("; ", reasons);
    }
}

package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.registry.domain.alliance.CommonAlliances;

/** Answer of {@code GET /alliances/common?a=&b=}. */
public record CommonAlliancesResponse(String a, String b, boolean sameAlliance, List<Shared> alliances) {

    public record Shared(String allianceId, String name, String type) {
    }

    static CommonAlliancesResponse of(CommonAlliances common) {
        return new CommonAlliancesResponse(common.institutionA().value(), common.institutionB().value(),
                common.sameAlliance(), common.shared().stream().map(alliance -> new Shared(alliance.id().value(),
                        alliance.name(),
                        alliance.type().name())).toList());
    }
}

package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.registry.domain.alliance.CommonAlliances;

/** Answer of {@code GET /alliances/common?a=&b=}. */
public record CommonAlliancesResponse(String a, String b, boolean sameAlliance, List<Shared> alliances) {

    public record Shared(String allianceId, String name, String type) {
    }

    static CommonAlliancesResponse of(CommonAlliances common) {
        return new CommonAlliancesResponse(common.institutionA(), common.institutionB(), common.sameAlliance(),
                common.shared().stream().map(alliance -> new Shared(alliance.id(), alliance.name(),
                        alliance.type().name())).toList());
    }
}

package cn.referral.billing.application.port.out;

import java.util.Collection;

import cn.referral.billing.domain.network.Alliance;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;
import reactor.core.publisher.Flux;

/** The local view of the registry's alliances. */
public interface AllianceDirectory {

    /** Every alliance that has at least one of {@code institutionIds} as a member. */
    Flux<Alliance> including(Collection<InstitutionId> institutionIds);

    /** Where the registry's alliance snapshots are kept. */
    LocalView<Alliance, AllianceId> view();
}

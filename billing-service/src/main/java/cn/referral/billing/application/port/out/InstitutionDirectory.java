package cn.referral.billing.application.port.out;

import cn.referral.billing.domain.network.Institution;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;
import reactor.core.publisher.Mono;

/** The local view of the registry's institutions. */
public interface InstitutionDirectory {

    Mono<Institution> find(InstitutionId institutionId);

    /** Where the registry's institution snapshots are kept. */
    LocalView<Institution, InstitutionId> view();
}

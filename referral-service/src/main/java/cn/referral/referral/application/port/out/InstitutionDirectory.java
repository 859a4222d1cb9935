package cn.referral.referral.application.port.out;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.referral.domain.network.Institution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The local view of the registry's institutions. */
public interface InstitutionDirectory {

    Mono<Institution> find(InstitutionId id);

    /** Where the registry's institution snapshots are kept. */
    LocalView<Institution, InstitutionId> view();

    /** Ids of the institutions whose region code starts with {@code regionPrefix} (a GB/T 2260 prefix). */
    Flux<InstitutionId> idsInRegion(String regionPrefix);
}

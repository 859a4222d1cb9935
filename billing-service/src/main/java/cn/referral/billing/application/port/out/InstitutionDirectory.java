package cn.referral.billing.application.port.out;

import cn.referral.billing.domain.Institution;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

/** The local view of the registry's institutions. */
public interface InstitutionDirectory {

    Mono<Institution> find(InstitutionId institutionId);

    /** Keeps the snapshot unless a newer version is already held; emits whether it was kept. */
    Mono<Boolean> keepIfNewer(Institution institution);

    Mono<Void> remove(InstitutionId institutionId);
}

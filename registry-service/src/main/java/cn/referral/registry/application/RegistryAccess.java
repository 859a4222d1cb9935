package cn.referral.registry.application;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import reactor.core.publisher.Mono;

/** Who may change the registry: registry administrators only (DESIGN §4). Any authenticated caller reads. */
final class RegistryAccess {

    private RegistryAccess() {
    }

    static <T> Mono<T> asAdmin(Caller caller, Mono<T> change) {
        if (caller == null || !caller.has(Role.REGISTRY_ADMIN)) {
            return Mono.error(new NotPermitted("administrators-only", "Only a registry administrator (REGISTRY_ADMIN) changes the registry"));
        }
        return change;
    }
}

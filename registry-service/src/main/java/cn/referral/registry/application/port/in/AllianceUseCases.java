package cn.referral.registry.application.port.in;

import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.CommonAlliances;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Alliances (医联体) and their grids. Every institution named must be registered and active. */
public interface AllianceUseCases {

    Mono<Alliance> form(Caller caller, AllianceDetails details);

    Mono<Alliance> formIfAbsent(Caller caller, String id, AllianceDetails details);

    Mono<Alliance> revise(Caller caller, String id, long expectedVersion, AllianceDetails details);

    Mono<Alliance> deactivate(Caller caller, String id, Long expectedVersion);

    Mono<Void> remove(Caller caller, String id, Long expectedVersion);

    Mono<Alliance> find(String id);

    /** The active alliances the institution belongs to. */
    Flux<Alliance> alliancesOf(String institutionId);

    /** Whether two institutions share an active alliance, and which; {@code NotFound} for an unknown one. */
    Mono<CommonAlliances> common(String institutionA, String institutionB);
}

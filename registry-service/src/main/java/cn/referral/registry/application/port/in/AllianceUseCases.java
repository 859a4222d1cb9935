package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.CommonAlliances;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Alliances (医联体) and their grids. Every institution named must be registered and active. */
public interface AllianceUseCases extends RecordUseCases<Alliance, AllianceId> {

    Mono<Alliance> form(Caller caller, AllianceDetails details);

    Mono<Alliance> formIfAbsent(Caller caller, AllianceId id, AllianceDetails details);

    Mono<Alliance> revise(Caller caller, AllianceId id, long expectedVersion, AllianceDetails details);

    /** The active alliances the institution belongs to. */
    Flux<Alliance> alliancesOf(InstitutionId institutionId);

    /** Whether two institutions share an active alliance, and which; {@code NotFound} for an unknown one. */
    Mono<CommonAlliances> common(InstitutionId institutionA, InstitutionId institutionB);
}

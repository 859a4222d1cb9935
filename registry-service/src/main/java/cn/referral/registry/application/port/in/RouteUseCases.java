package cn.referral.registry.application.port.in;

import java.util.List;

import cn.referral.registry.domain.route.RouteQuestion;
import cn.referral.registry.domain.route.RouteSuggestion;
import reactor.core.publisher.Mono;

public interface RouteUseCases {

    /** Ranked targets with their reasons; {@code NotFound} if the source institution is unknown. */
    Mono<List<RouteSuggestion>> suggest(RouteQuestion question);
}

package cn.referral.registry.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.ProblemException;
import cn.referral.registry.application.port.in.RouteUseCases;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.route.RouteQuestion;
import cn.referral.registry.domain.route.RouteSuggestion;
import reactor.core.publisher.Mono;

@RestController
class RouteController {

    private static final int MAX_SUGGESTIONS = 50;

    private final RouteUseCases routes;

    RouteController(RouteUseCases routes) {
        this.routes = routes;
    }

    /** One suggested target, best first, with every reason in words. */
    record RouteSuggestionResponse(int rank, String institutionId, String name, String level, String kind,
                                   String regionCode, String tier, String allianceId, String allianceName,
                                   boolean inCatalog, String matchedCode, List<String> reasons, String explanation) {

        static RouteSuggestionResponse of(RouteSuggestion suggestion) {
            var target = suggestion.target();
            var alliance = suggestion.alliance();
            return new RouteSuggestionResponse(suggestion.rank(), target.id().value(), target.name(),
                    target.level().name(), target.kind().name(), target.region().value(), suggestion.tier().name(),
                    alliance == null ? null : alliance.id().value(), alliance == null ? null : alliance.name(),
                    suggestion.eligibility().inCatalog(),
                    suggestion.eligibility().match().map(entry -> entry.code()).orElse(null),
                    suggestion.reasons(), suggestion.explanation());
        }
    }

    /**
     * Where to refer a patient from institution {@code from}: its own alliances first (lead, hub, other
     * members), then other institutions by catalog and level fit. {@code direction} defaults to UP.
     */
    @GetMapping("/routes")
    Mono<List<RouteSuggestionResponse>> suggest(@RequestParam String from, @RequestParam String diagnosis,
                                                @RequestParam(required = false) CareType careType,
                                                @RequestParam(required = false) ReferralDirection direction,
                                                @RequestParam(required = false, defaultValue = "10") int limit) {
        return Mono.defer(() -> {
            if (limit < 1 || limit > MAX_SUGGESTIONS) {
                throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_SUGGESTIONS);
            }
            var diagnosed = WebInputs.diagnosis(diagnosis);
            return routes.suggest(new RouteQuestion(IdParameters.required("from", from, InstitutionId::new),
                    direction == null ? ReferralDirection.UP : direction, diagnosed, careType, limit));
        }).map(suggestions -> suggestions.stream().map(RouteSuggestionResponse::of).toList());
    }
}

package cn.referral.registry.application;

import java.time.Clock;
import java.util.List;

import cn.referral.platform.application.NotFound;
import cn.referral.registry.application.port.in.RouteUseCases;
import cn.referral.registry.application.port.out.AllianceStore;
import cn.referral.registry.application.port.out.CatalogStore;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.policy.CatalogEligibility;
import cn.referral.registry.domain.policy.RouteRanking;
import cn.referral.registry.domain.route.RouteQuestion;
import cn.referral.registry.domain.route.RouteSuggestion;
import reactor.core.publisher.Mono;

public class RouteService implements RouteUseCases {

    private final InstitutionStore institutions;
    private final AllianceStore alliances;
    private final CatalogStore catalogs;
    private final Clock clock;

    public RouteService(InstitutionStore institutions, AllianceStore alliances, CatalogStore catalogs, Clock clock) {
        this.institutions = institutions;
        this.alliances = alliances;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @Override
    public Mono<List<RouteSuggestion>> suggest(RouteQuestion question) {
        return institutions.findById(question.fromInstitutionId())
                .switchIfEmpty(Mono.error(() -> new NotFound(InstitutionService.WHAT,
                        question.fromInstitutionId().value())))
                .flatMap(from -> Mono.zip(alliances.findByMember(from.id()).collectList(),
                                institutions.find(null, null, true).collectList(),
                                catalogs.find(question.direction(), null).collectList())
                        .map(loaded -> new RouteInputs(loaded.getT1(), loaded.getT2(), loaded.getT3()))
                        .map(loaded -> RouteRanking.rank(question, from, loaded.alliancesOfFrom(),
                                loaded.activeInstitutions(),
                                level -> CatalogEligibility.check(question.direction(), question.diagnosis(), level,
                                        question.careType(), RegistryCalendar.today(clock), loaded.catalogs()))));
    }

    /** What the routes are ranked from, by name (zipped in this order). */
    private record RouteInputs(List<Alliance> alliancesOfFrom, List<Institution> activeInstitutions,
                               List<DiseaseCatalog> catalogs) {
    }
}

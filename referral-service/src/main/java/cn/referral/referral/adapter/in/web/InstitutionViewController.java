package cn.referral.referral.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.web.IdParameters;
import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.domain.network.InstitutionLevel;
import reactor.core.publisher.Mono;

/** Shows what this service has learnt of an institution from the registry's topic. */
@RestController
class InstitutionViewController {

    private final InstitutionViewUseCases views;

    InstitutionViewController(InstitutionViewUseCases views) {
        this.views = views;
    }

    @GetMapping("/institutions-view/{id}")
    Mono<Institution> find(@PathVariable String id) {
        return Mono.defer(() -> views.find(IdParameters.inPath("Institution", id, InstitutionId::new)))
                .map(Institution::of);
    }

    /** The institution as the registry's snapshot gave it: the domain's fields, its id a plain string. */
    record Institution(String id, String name, InstitutionLevel level, String regionCode, boolean active,
                       long version, List<String> departments, String kind) {

        static Institution of(cn.referral.referral.domain.network.Institution institution) {
            return new Institution(institution.id().value(), institution.name(), institution.level(),
                    institution.regionCode(), institution.active(), institution.version(), institution.departments(),
                    institution.kind());
        }
    }
}

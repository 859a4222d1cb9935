package cn.referral.referral.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.web.ProblemException;
import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.domain.network.Institution;
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
        return views.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Institution", id)));
    }
}

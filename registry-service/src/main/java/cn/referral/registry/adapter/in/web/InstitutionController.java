package cn.referral.registry.adapter.in.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.web.ProblemException;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.application.port.in.RegisterInstitutionCommand;
import cn.referral.registry.domain.RegionCode;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/institutions")
class InstitutionController {

    private final InstitutionUseCases institutions;

    InstitutionController(InstitutionUseCases institutions) {
        this.institutions = institutions;
    }

    @PostMapping
    Mono<ResponseEntity<InstitutionResponse>> register(@Valid @RequestBody RegisterInstitutionRequest request) {
        var command = new RegisterInstitutionCommand(request.name(), request.organisationCode(), request.level(),
                request.kind(), new RegionCode(request.regionCode()), request.departments(), request.gridArea());
        return institutions.register(command)
                .map(institution -> ResponseEntity.created(URI.create("/institutions/" + institution.id()))
                        .eTag(Long.toString(institution.version()))
                        .body(InstitutionResponse.of(institution)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<InstitutionResponse>> find(@PathVariable String id) {
        return institutions.find(id)
                .map(institution -> ResponseEntity.ok().eTag(Long.toString(institution.version()))
                        .body(InstitutionResponse.of(institution)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Institution", id)));
    }
}

package cn.referral.registry.adapter.in.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.platform.web.ProblemException;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.domain.institution.InstitutionLevel;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/institutions")
class InstitutionController {

    private final InstitutionUseCases institutions;

    InstitutionController(InstitutionUseCases institutions) {
        this.institutions = institutions;
    }

    @PostMapping
    Mono<ResponseEntity<InstitutionResponse>> register(Caller caller, @Valid @RequestBody InstitutionRequest request) {
        return institutions.register(caller, request.toDetails())
                .map(institution -> Versions.created("/institutions", institution, InstitutionResponse.of(institution)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<InstitutionResponse>> find(@PathVariable String id) {
        return institutions.find(institutionId(id))
                .map(institution -> Versions.ok(institution, InstitutionResponse.of(institution)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Institution", id)));
    }

    @GetMapping
    Flux<InstitutionResponse> list(@RequestParam(required = false) String regionCode,
                                   @RequestParam(required = false) InstitutionLevel level,
                                   @RequestParam(required = false) Boolean active) {
        return institutions.list(regionCode, level, active).map(InstitutionResponse::of);
    }

    /** Replaces the institution's details; {@code If-Match} names the version they were based on. */
    @PutMapping("/{id}")
    Mono<ResponseEntity<InstitutionResponse>> revise(Caller caller, @PathVariable String id,
                                                     @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                     @Valid @RequestBody InstitutionRequest request) {
        return Mono.defer(() -> institutions.revise(caller, institutionId(id), IfMatch.required(ifMatch), request.toDetails()))
                .map(institution -> Versions.ok(institution, InstitutionResponse.of(institution)));
    }

    @PostMapping("/{id}/deactivation")
    Mono<ResponseEntity<InstitutionResponse>> deactivate(Caller caller, @PathVariable String id,
                                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> institutions.deactivate(caller, institutionId(id), IfMatch.optional(ifMatch)))
                .map(institution -> Versions.ok(institution, InstitutionResponse.of(institution)));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id,
                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> institutions.remove(caller, institutionId(id), IfMatch.optional(ifMatch)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static InstitutionId institutionId(String id) {
        return IdParameters.inPath("Institution", id, InstitutionId::new);
    }
}

package cn.referral.registry.adapter.in.web;

import org.springframework.http.ResponseEntity;
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
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionLevel;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(InstitutionController.PATH)
class InstitutionController extends DeactivatableRecordController<Institution, InstitutionId, InstitutionResponse> {

    static final String PATH = "/institutions";

    private final InstitutionUseCases institutions;

    InstitutionController(InstitutionUseCases institutions) {
        super(institutions, PATH, "Institution", InstitutionId::new);
        this.institutions = institutions;
    }

    @PostMapping
    Mono<ResponseEntity<InstitutionResponse>> register(Caller caller, @Valid @RequestBody InstitutionRequest request) {
        return institutions.register(caller, request.toDetails())
                .map(this::created);
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
        return Mono.defer(() -> institutions.revise(caller, id(id), IfMatch.required(ifMatch), request.toDetails()))
                .map(this::ok);
    }

    @Override
    InstitutionResponse response(Institution institution) {
        return InstitutionResponse.of(institution);
    }
}

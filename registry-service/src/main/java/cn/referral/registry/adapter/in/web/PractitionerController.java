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
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import cn.referral.registry.domain.practitioner.Practitioner;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(PractitionerController.PATH)
class PractitionerController extends DeactivatableRecordController<Practitioner, PractitionerId, PractitionerResponse> {

    static final String PATH = "/practitioners";

    private final PractitionerUseCases practitioners;

    PractitionerController(PractitionerUseCases practitioners) {
        super(practitioners, PATH, "Practitioner", PractitionerId::new);
        this.practitioners = practitioners;
    }

    @PostMapping
    Mono<ResponseEntity<PractitionerResponse>> register(Caller caller, @Valid @RequestBody PractitionerRequest request) {
        return practitioners.register(caller, request.toDetails())
                .map(this::created);
    }

    @GetMapping
    Flux<PractitionerResponse> atInstitution(@RequestParam String institutionId) {
        return practitioners.atInstitution(IdParameters.required("institutionId", institutionId, InstitutionId::new))
                .map(PractitionerResponse::of);
    }

    /**
     * Replaces the practitioner's name, role, title and department; {@code If-Match} names the version they were
     * based on. The institution stays: a practitioner who moves is deactivated here and registered there.
     */
    @PutMapping("/{id}")
    Mono<ResponseEntity<PractitionerResponse>> revise(Caller caller, @PathVariable String id,
                                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                      @Valid @RequestBody PractitionerRequest request) {
        return Mono.defer(() -> practitioners.revise(caller, id(id), IfMatch.required(ifMatch), request.toDetails()))
                .map(this::ok);
    }

    @Override
    PractitionerResponse response(Practitioner practitioner) {
        return PractitionerResponse.of(practitioner);
    }
}

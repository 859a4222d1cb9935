package cn.referral.registry.adapter.in.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/practitioners")
class PractitionerController {

    private final PractitionerUseCases practitioners;

    PractitionerController(PractitionerUseCases practitioners) {
        this.practitioners = practitioners;
    }

    /** Body of {@code POST /practitioners}; {@code title} is the professional title (职称). */
    record PractitionerRequest(@NotBlank @Size(max = 100) String name, @NotBlank String institutionId,
                               @NotNull PractitionerRole role, @Size(max = 50) String title,
                               @Size(max = 100) String department) {
    }

    record PractitionerResponse(String id, String name, String institutionId, String role, String title,
                                String department) {

        static PractitionerResponse of(Practitioner practitioner) {
            return new PractitionerResponse(practitioner.id().value(), practitioner.name(),
                    practitioner.institutionId().value(), practitioner.role().name(), practitioner.title(),
                    practitioner.department());
        }
    }

    @PostMapping
    Mono<ResponseEntity<PractitionerResponse>> register(Caller caller, @Valid @RequestBody PractitionerRequest request) {
        return practitioners.register(caller, null, request.name(), new InstitutionId(request.institutionId()),
                        request.role(), request.title(), request.department())
                .map(practitioner -> ResponseEntity.created(URI.create("/practitioners/" + practitioner.id().value()))
                        .body(PractitionerResponse.of(practitioner)));
    }

    @GetMapping("/{id}")
    Mono<PractitionerResponse> find(@PathVariable String id) {
        return practitioners.find(IdParameters.inPath("Practitioner", id, PractitionerId::new))
                .map(PractitionerResponse::of);
    }

    @GetMapping
    Flux<PractitionerResponse> atInstitution(@RequestParam String institutionId) {
        return practitioners.atInstitution(IdParameters.required("institutionId", institutionId, InstitutionId::new))
                .map(PractitionerResponse::of);
    }
}

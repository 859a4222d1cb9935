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

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.platform.web.ProblemException;
import cn.referral.registry.application.port.in.CatalogUseCases;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/catalogs")
class CatalogController {

    private final CatalogUseCases catalogs;

    CatalogController(CatalogUseCases catalogs) {
        this.catalogs = catalogs;
    }

    @PostMapping
    Mono<ResponseEntity<CatalogResponse>> publish(Caller caller, @Valid @RequestBody CatalogRequest request) {
        return Mono.defer(() -> catalogs.publish(caller, request.toDetails()))
                .map(catalog -> Versions.created("/catalogs", catalog, CatalogResponse.of(catalog)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<CatalogResponse>> find(@PathVariable String id) {
        return catalogs.find(catalogId(id))
                .map(catalog -> Versions.ok(catalog, CatalogResponse.of(catalog)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Catalog", id)));
    }

    @GetMapping
    Flux<CatalogResponse> list(@RequestParam(required = false) ReferralDirection direction,
                               @RequestParam(required = false) InstitutionLevel targetLevel) {
        return catalogs.list(direction, targetLevel).map(CatalogResponse::of);
    }

    /** Is the diagnosis in the catalog of this direction for institutions of this level, today? */
    @GetMapping("/eligibility")
    Mono<EligibilityResponse> eligibility(@RequestParam ReferralDirection direction, @RequestParam String diagnosis,
                                          @RequestParam InstitutionLevel targetLevel,
                                          @RequestParam(required = false) CareType careType) {
        return Mono.defer(() -> catalogs.eligibility(direction, WebInputs.diagnosis(diagnosis), targetLevel, careType))
                .map(EligibilityResponse::of);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<CatalogResponse>> revise(Caller caller, @PathVariable String id,
                                                 @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody CatalogRequest request) {
        return Mono.defer(() -> catalogs.revise(caller, catalogId(id), IfMatch.required(ifMatch), request.toDetails()))
                .map(catalog -> Versions.ok(catalog, CatalogResponse.of(catalog)));
    }

    @PostMapping("/{id}/deactivation")
    Mono<ResponseEntity<CatalogResponse>> deactivate(Caller caller, @PathVariable String id,
                                                     @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> catalogs.deactivate(caller, catalogId(id), IfMatch.optional(ifMatch)))
                .map(catalog -> Versions.ok(catalog, CatalogResponse.of(catalog)));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id,
                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> catalogs.remove(caller, catalogId(id), IfMatch.optional(ifMatch)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static CatalogId catalogId(String id) {
        return IdParameters.inPath("Catalog", id, CatalogId::new);
    }
}

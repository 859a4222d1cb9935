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

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.CatalogUseCases;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(CatalogController.PATH)
class CatalogController extends DeactivatableRecordController<DiseaseCatalog, CatalogId, CatalogResponse> {

    static final String PATH = "/catalogs";

    private final CatalogUseCases catalogs;

    CatalogController(CatalogUseCases catalogs) {
        super(catalogs, PATH, "Catalog", CatalogId::new);
        this.catalogs = catalogs;
    }

    @PostMapping
    Mono<ResponseEntity<CatalogResponse>> publish(Caller caller, @Valid @RequestBody CatalogRequest request) {
        return Mono.defer(() -> catalogs.publish(caller, request.toDetails()))
                .map(this::created);
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
        return Mono.defer(() -> catalogs.revise(caller, id(id), IfMatch.required(ifMatch), request.toDetails()))
                .map(this::ok);
    }

    @Override
    CatalogResponse response(DiseaseCatalog catalog) {
        return CatalogResponse.of(catalog);
    }
}

package cn.referral.registry.adapter.in.web;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.AllianceUseCases;
import cn.referral.registry.domain.alliance.Alliance;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(AllianceController.PATH)
class AllianceController extends DeactivatableRecordController<Alliance, AllianceId, AllianceResponse> {

    static final String PATH = "/alliances";

    private final AllianceUseCases alliances;
    private final IdGenerator ids;

    AllianceController(AllianceUseCases alliances, IdGenerator ids) {
        super(alliances, PATH, "Alliance", AllianceId::new);
        this.alliances = alliances;
        this.ids = ids;
    }

    @PostMapping
    Mono<ResponseEntity<AllianceResponse>> form(Caller caller, @Valid @RequestBody AllianceRequest request) {
        return Mono.defer(() -> alliances.form(caller, request.toDetails(this::newGridId)))
                .map(this::created);
    }

    /** The active alliances an institution belongs to. */
    @GetMapping
    Flux<AllianceResponse> ofInstitution(@RequestParam String institutionId) {
        return alliances.alliancesOf(IdParameters.required("institutionId", institutionId, InstitutionId::new))
                .map(AllianceResponse::of);
    }

    /** Whether institutions {@code a} and {@code b} are in the same alliance, and which. */
    @GetMapping("/common")
    Mono<CommonAlliancesResponse> common(@RequestParam String a, @RequestParam String b) {
        return alliances.common(IdParameters.required("a", a, InstitutionId::new),
                IdParameters.required("b", b, InstitutionId::new)).map(CommonAlliancesResponse::of);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<AllianceResponse>> revise(Caller caller, @PathVariable String id,
                                                  @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody AllianceRequest request) {
        return Mono.defer(() -> alliances.revise(caller, id(id), IfMatch.required(ifMatch),
                        request.toDetails(this::newGridId)))
                .map(this::ok);
    }

    @Override
    AllianceResponse response(Alliance alliance) {
        return AllianceResponse.of(alliance);
    }

    private String newGridId() {
        return ids.generateId().toString();
    }
}

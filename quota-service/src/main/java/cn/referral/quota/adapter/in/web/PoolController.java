package cn.referral.quota.adapter.in.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.quota.application.port.in.OpenPoolCommand;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.domain.pool.PoolKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
class PoolController {

    private final PoolUseCases pools;

    PoolController(PoolUseCases pools) {
        this.pools = pools;
    }

    @PostMapping("/pools")
    Mono<ResponseEntity<PoolResponse>> open(@Valid @RequestBody OpenPoolRequest request, Caller caller) {
        var key = new PoolKey(new InstitutionId(request.institutionId().strip()), request.department().strip(),
                request.resource(), request.date(), request.session());
        return pools.open(new OpenPoolCommand(key, request.capacity(), request.reserved()), caller)
                .map(pool -> ResponseEntity.created(URI.create("/pools/" + pool.pool().id().value()))
                        .body(PoolResponse.of(pool)));
    }

    @GetMapping("/pools")
    Mono<List<PoolResponse>> list(@RequestParam("institutionId") @NotBlank @Size(max = 100) String institutionId,
                                  @RequestParam("date") LocalDate date, Caller caller) {
        return pools.list(new InstitutionId(institutionId), date, caller)
                .map(found -> found.stream().map(PoolResponse::of).toList());
    }

    /** The free reserved units of an institution's pools on a day, for whoever is choosing where to refer. */
    @GetMapping("/reserve")
    Mono<List<ReserveResponse>> reserve(@RequestParam("institutionId") @NotBlank @Size(max = 100) String institutionId,
                                        @RequestParam("date") LocalDate date, Caller caller) {
        return pools.reserveOn(new InstitutionId(institutionId), date, caller)
                .map(found -> found.stream().map(ReserveResponse::of).toList());
    }

    @GetMapping("/pools/{id}")
    Mono<PoolResponse> find(@PathVariable("id") String id, Caller caller) {
        return pools.find(poolId(id), caller).map(PoolResponse::of);
    }

    @PutMapping("/pools/{id}/size")
    Mono<PoolResponse> resize(@PathVariable("id") String id, @Valid @RequestBody ResizePoolRequest request,
                              Caller caller) {
        return pools.resize(poolId(id), request.capacity(), request.reserved(), caller).map(PoolResponse::of);
    }

    @GetMapping("/holds")
    Mono<List<HoldResponse>> holds(@RequestParam("referralId") @NotBlank @Size(max = 100) String referralId,
                                   Caller caller) {
        return pools.standings(new ReferralId(referralId), caller)
                .map(found -> found.stream().flatMap(standing -> HoldResponse.of(referralId, standing).stream())
                        .toList());
    }

    private static PoolId poolId(String id) {
        return IdParameters.inPath("Pool", id, PoolId::new);
    }
}

package cn.referral.registry.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;

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

import cn.referral.platform.audit.DeclaredPurpose;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.ContractUseCases;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Family-doctor contracts (签约). Found by id or by patientRef: an identity number never goes into a URL. */
@RestController
@RequestMapping(ContractController.PATH)
class ContractController extends RecordController<FamilyDoctorContract, ContractId, ContractResponse> {

    static final String PATH = "/contracts";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Why the caller reads the contract, recorded in the audit trail: a code of {@code AccessPurpose}
     * and an optional short note ({@link DeclaredPurpose}); {@code CONTINUITY_OF_CARE} when absent.
     */
    static final String PURPOSE = DeclaredPurpose.HEADER;

    private final ContractUseCases contracts;
    private final Clock clock;

    ContractController(ContractUseCases contracts, Clock clock) {
        super(contracts, PATH, "Contract", ContractId::new);
        this.contracts = contracts;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<ContractResponse>> sign(Caller caller, @Valid @RequestBody ContractRequest request) {
        return Mono.defer(() -> contracts.sign(caller, request.identityNumber(), request.toTerms()))
                .map(this::created);
    }

    /** A read of patient data: audited, with the purpose the caller names in {@value #PURPOSE}. */
    @GetMapping("/{id}")
    Mono<ResponseEntity<ContractResponse>> find(Caller caller, @PathVariable String id,
                                                @RequestHeader(name = PURPOSE, required = false) String purpose) {
        return Mono.defer(() -> contracts.find(id(id), caller, DeclaredPurpose.recordedOrNull(purpose)))
                .map(this::ok);
    }

    /** A read of patient data: audited, with the purpose the caller names in {@value #PURPOSE}. */
    @GetMapping
    Mono<ResponseEntity<ContractResponse>> ofPatient(Caller caller, @RequestParam String patientRef,
                                                     @RequestHeader(name = PURPOSE, required = false) String purpose) {
        return Mono.defer(() -> contracts.findByPatientRef(
                        IdParameters.required("patientRef", patientRef, Function.identity()), caller,
                        DeclaredPurpose.recordedOrNull(purpose)))
                .map(this::ok);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<ContractResponse>> revise(Caller caller, @PathVariable String id,
                                                  @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody ContractTermsRequest request) {
        return Mono.defer(() -> contracts.revise(caller, id(id), IfMatch.required(ifMatch), request.toTerms()))
                .map(this::ok);
    }

    /** 解约. */
    @PostMapping("/{id}/termination")
    Mono<ResponseEntity<ContractResponse>> terminate(Caller caller, @PathVariable String id,
                                                     @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> contracts.terminate(caller, id(id), IfMatch.optional(ifMatch)))
                .map(this::ok);
    }

    @Override
    ContractResponse response(FamilyDoctorContract contract) {
        return ContractResponse.of(contract, LocalDate.now(clock.withZone(CHINA)));
    }
}

package cn.referral.registry.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.ContractUseCases;
import cn.referral.registry.application.port.out.AuditTrail;
import cn.referral.registry.application.port.out.ContractStore;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.application.port.out.PatientIdentities;
import cn.referral.registry.application.port.out.PractitionerStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.audit.AuditRecord;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.policy.OnePlusOnePlusOne;
import reactor.core.publisher.Mono;

public class ContractService extends RecordService<FamilyDoctorContract, ContractId, ContractStore>
        implements ContractUseCases {

    private final InstitutionStore institutions;
    private final PractitionerStore practitioners;
    private final PatientIdentities identities;
    private final AuditTrail audit;

    public ContractService(ContractStore store, InstitutionStore institutions, PractitionerStore practitioners,
                           PatientIdentities identities, AuditTrail audit, Clock clock, Supplier<String> ids) {
        super(store, "Contract", clock, ids);
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.identities = identities;
        this.audit = audit;
    }

    @Override
    public Mono<FamilyDoctorContract> sign(Caller caller, String identityNumber, ContractTerms terms) {
        return changes.insert(caller, Mono.defer(() -> {
            String patientRef = identities.patientRef(identityNumber);
            return store.findByPatientRef(patientRef)
                    .flatMap(existing -> Mono.<Outcome<FamilyDoctorContract>>error(
                            new DuplicateContract(existing.id().value())))
                    .switchIfEmpty(Mono.defer(() -> checked(FamilyDoctorContract.sign(new ContractId(ids.get()),
                            patientRef, identities.masked(identityNumber), terms, clock.instant()))));
        }));
    }

    @Override
    public Mono<FamilyDoctorContract> revise(Caller caller, ContractId id, long expectedVersion, ContractTerms terms) {
        return changes.changeChecked(caller, id, expectedVersion,
                current -> Mono.fromSupplier(() -> current.revise(terms, clock.instant())).flatMap(this::checked));
    }

    @Override
    public Mono<FamilyDoctorContract> terminate(Caller caller, ContractId id, Long expectedVersion) {
        return changes.change(caller, id, expectedVersion, current -> current.terminate(clock.instant()));
    }

    @Override
    public Mono<FamilyDoctorContract> find(ContractId id, Caller caller, String purpose) {
        return audited(caller, purpose, Mono.defer(() -> changes.found(id)));
    }

    @Override
    public Mono<FamilyDoctorContract> findByPatientRef(String patientRef, Caller caller, String purpose) {
        return audited(caller, purpose, Mono.defer(() -> store.findByPatientRef(patientRef))
                .switchIfEmpty(Mono.error(() -> NotFound.described("Contract",
                        "The patient has no family-doctor contract"))));
    }

    // ---- reads of patient data (DESIGN §5): no contract leaves without its audit record

    private Mono<FamilyDoctorContract> audited(Caller caller, String purpose, Mono<FamilyDoctorContract> read) {
        if (caller == null) {
            return Mono.error(new NotPermitted("identified-callers", "An unidentified caller does not read patient data"));
        }
        return read.flatMap(contract -> audit.record(readOf(contract, caller, purpose)).thenReturn(contract));
    }

    private AuditRecord readOf(FamilyDoctorContract contract, Caller caller, String purpose) {
        List<String> roles = caller.roles().stream().map(Enum::name).sorted().toList();
        return new AuditRecord(ids.get(), clock.instant(), caller.subject(), roles, caller.institutionId(),
                contract.id(), contract.patientRef(), AuditRecord.purposeOrDefault(purpose), AuditRecord.READ_CONTRACT);
    }

    private Mono<Outcome<FamilyDoctorContract>> checked(Outcome<FamilyDoctorContract> change) {
        ContractTerms terms = change.state().terms();
        var named = Stream.of(terms.primaryInstitutionId(), terms.districtHospitalId(), terms.cityHospitalId())
                .filter(java.util.Objects::nonNull).distinct().toList();
        Mono<Map<InstitutionId, Institution>> found = institutions.findByIds(named).collectList()
                .map(list -> list.stream().collect(Collectors.toMap(Institution::id, Function.identity())));
        return found.zipWith(practitioners.findById(terms.familyDoctorId())
                        .switchIfEmpty(Mono.error(() -> new RegistryRuleViolation("unknown-practitioner",
                                "familyDoctorId", "no practitioner with id " + terms.familyDoctorId()))))
                .doOnNext(both -> OnePlusOnePlusOne.check(terms, both.getT1(), both.getT2()))
                .thenReturn(change);
    }
}

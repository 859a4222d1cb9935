package cn.referral.registry.adapter.out.persistence;

import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.DuplicateContract;
import cn.referral.registry.application.port.out.ContractStore;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import reactor.core.publisher.Mono;

@Component
class MongoContractStore extends MongoRecordStore<FamilyDoctorContract, ContractId, ContractDocument>
        implements ContractStore {

    static final String PATIENT_INDEX = "contract_patient_unique_sparse";

    MongoContractStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots) {
        super(mongo, snapshots, ContractDocument.class, ContractDocument.COLLECTION, "Contract", ContractId::value);
    }

    /** One contract per patient, also when two desks sign the same patient at once. */
    Mono<String> ensureIndexes() {
        return mongo.indexOps(ContractDocument.COLLECTION)
                .createIndex(new Index("patientRef", Sort.Direction.ASC).unique().sparse().named(PATIENT_INDEX));
    }

    @Override
    public Mono<FamilyDoctorContract> findByPatientRef(String patientRef) {
        return findLive(Query.query(Criteria.where("patientRef").is(patientRef))).next();
    }

    @Override
    Throwable duplicate(DuplicateKeyException error, FamilyDoctorContract contract) {
        return String.valueOf(error.getMessage()).contains(PATIENT_INDEX)
                ? new DuplicateContract("(signed concurrently)")
                : super.duplicate(error, contract);
    }

    @Override
    ContractDocument toDocument(FamilyDoctorContract contract, boolean removed, List<OutboxEvent> outbox) {
        ContractTerms terms = contract.terms();
        return new ContractDocument(contract.id().value(), removed ? null : contract.patientRef(),
                contract.identityNumberMasked(), terms.primaryInstitutionId().value(),
                Identifier.valueOrNull(terms.districtHospitalId()), Identifier.valueOrNull(terms.cityHospitalId()),
                terms.familyDoctorId().value(), terms.validFrom().toString(),
                terms.validUntil().toString(), contract.active(), contract.version(), removed, outbox);
    }

    @Override
    FamilyDoctorContract toDomain(ContractDocument document) {
        return new FamilyDoctorContract(new ContractId(document.id()), document.patientRef(),
                document.identityNumberMasked(), new ContractTerms(new InstitutionId(document.primaryInstitutionId()),
                        institutionOrNull(document.districtHospitalId()), institutionOrNull(document.cityHospitalId()),
                        new PractitionerId(document.familyDoctorId()), LocalDate.parse(document.validFrom()),
                        LocalDate.parse(document.validUntil())), document.active(), document.version());
    }

    private static InstitutionId institutionOrNull(String id) {
        return id == null ? null : new InstitutionId(id);
    }
}

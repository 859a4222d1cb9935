package cn.referral.referral.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.platform.mongo.MongoLocalView;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.network.Practitioner;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Direction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The local views of the registry's catalogs (read through this instance's {@link CatalogViewCopy}),
 * contracts (keyed by contractId, found by patientRef), alliances (also found by a member institution:
 * leads, hub and grids included) and practitioners (the institution each works at, for a down-referral's
 * handover).
 */
@Component
class MongoReferenceData implements ReferenceData {

    static final String CATALOGS = "catalog_view";
    static final String CONTRACTS = "contract_view";
    static final String ALLIANCES = "alliance_view";
    static final String PRACTITIONERS = "practitioner_view";

    private final ReactiveMongoTemplate mongo;
    private final CatalogViewCopy catalogs;
    private final LocalView<Catalog, CatalogId> catalogView;
    private final LocalView<FamilyDoctorContract, ContractId> contractView;
    private final LocalView<Alliance, AllianceId> allianceView;
    private final LocalView<Practitioner, PractitionerId> practitionerView;

    MongoReferenceData(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.catalogs = new CatalogViewCopy(mongo, CATALOGS, () -> mongo.findAll(CatalogDocument.class, CATALOGS)
                .map(CatalogDocument::toDomain).collectList(), clock);
        this.catalogView = new MongoLocalView<>(mongo, CATALOGS, CatalogId::value, Catalog::catalogId, Catalog::version,
                CatalogDocument::fields, catalogs::changed);
        this.contractView = new MongoLocalView<>(mongo, CONTRACTS, ContractId::value, FamilyDoctorContract::contractId,
                FamilyDoctorContract::version, ContractDocument::fields);
        this.allianceView = new MongoLocalView<>(mongo, ALLIANCES, AllianceId::value, Alliance::allianceId,
                Alliance::version, AllianceDocument::fields);
        this.practitionerView = new MongoLocalView<>(mongo, PRACTITIONERS, PractitionerId::value, Practitioner::id,
                Practitioner::version, PractitionerDocument::fields);
    }

    @Override
    public Flux<Catalog> catalogs() {
        return catalogs.catalogs().flatMapIterable(all -> all);
    }

    @Override
    public LocalView<Catalog, CatalogId> catalogView() {
        return catalogView;
    }

    @Override
    public Flux<FamilyDoctorContract> contractsOf(String patientRef) {
        return mongo.find(Query.query(Criteria.where("patientRef").is(patientRef)), ContractDocument.class, CONTRACTS)
                .map(ContractDocument::toDomain);
    }

    @Override
    public Flux<FamilyDoctorContract> contractsAt(InstitutionId primaryInstitutionId) {
        Query ofInstitution = new Query(Criteria.where("primaryInstitutionId").is(primaryInstitutionId.value())
                .and("active").is(true));
        return mongo.find(ofInstitution, ContractDocument.class, CONTRACTS).map(ContractDocument::toDomain);
    }

    @Override
    public LocalView<FamilyDoctorContract, ContractId> contractView() {
        return contractView;
    }

    @Override
    public Mono<Alliance> alliance(AllianceId allianceId) {
        return mongo.findById(allianceId.value(), AllianceDocument.class, ALLIANCES).map(AllianceDocument::toDomain);
    }

    @Override
    public LocalView<Alliance, AllianceId> allianceView() {
        return allianceView;
    }

    @Override
    public Flux<Alliance> alliancesOf(InstitutionId institutionId) {
        Query members = Query.query(Criteria.where("memberInstitutionIds").is(institutionId.value())).with(Sort.by("_id"));
        return mongo.find(members, AllianceDocument.class, ALLIANCES).map(AllianceDocument::toDomain);
    }

    @Override
    public Mono<Practitioner> practitioner(PractitionerId practitionerId) {
        return mongo.findById(practitionerId.value(), PractitionerDocument.class, PRACTITIONERS)
                .map(PractitionerDocument::toDomain);
    }

    @Override
    public LocalView<Practitioner, PractitionerId> practitionerView() {
        return practitionerView;
    }

    record EntryDocument(String code, String name, List<String> careTypes) {

        CatalogEntry toDomain() {
            return new CatalogEntry(code, name, careTypes == null ? Set.of()
                    : Set.copyOf(careTypes.stream().map(CareType::valueOf).toList()));
        }
    }

    record CatalogDocument(@Id String id, String name, String direction, String targetLevel, long version,
                           LocalDate effectiveFrom, boolean active, List<EntryDocument> entries) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(Catalog catalog) {
            return new Update()
                    .set("name", catalog.name())
                    .set("direction", catalog.direction().name())
                    .set("targetLevel", catalog.targetLevel() == null ? null : catalog.targetLevel().name())
                    .set("effectiveFrom", catalog.effectiveFrom())
                    .set("active", catalog.active())
                    .set("entries", catalog.entries().stream().map(entry -> new EntryDocument(entry.code(),
                            entry.name(), entry.careTypes().stream().map(Enum::name).sorted().toList())).toList());
        }

        Catalog toDomain() {
            return new Catalog(new CatalogId(id), name, Direction.valueOf(direction),
                    targetLevel == null ? null : InstitutionLevel.valueOf(targetLevel), version, effectiveFrom, active,
                    entries == null ? List.of() : entries.stream().map(EntryDocument::toDomain).toList());
        }
    }

    /** One per contract: versions are per contract, so the view is keyed by it (a patient may have two). */
    record ContractDocument(@Id String contractId, String patientRef, String primaryInstitutionId,
                            String districtHospitalId, String cityHospitalId, String familyDoctorId,
                            LocalDate validFrom, LocalDate validUntil, boolean active, long version) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(FamilyDoctorContract contract) {
            return new Update()
                    .set("patientRef", contract.patientRef())
                    .set("primaryInstitutionId", Identifier.valueOrNull(contract.primaryInstitutionId()))
                    .set("districtHospitalId", Identifier.valueOrNull(contract.districtHospitalId()))
                    .set("cityHospitalId", Identifier.valueOrNull(contract.cityHospitalId()))
                    .set("familyDoctorId", contract.familyDoctorId())
                    .set("validFrom", contract.validFrom())
                    .set("validUntil", contract.validUntil())
                    .set("active", contract.active());
        }

        FamilyDoctorContract toDomain() {
            return new FamilyDoctorContract(new ContractId(contractId), patientRef, institutionId(primaryInstitutionId),
                    institutionId(districtHospitalId), institutionId(cityHospitalId), familyDoctorId, validFrom,
                    validUntil, active, version);
        }
    }

    record AllianceDocument(@Id String id, String name, List<String> memberInstitutionIds, boolean active,
                            long version) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(Alliance alliance) {
            return new Update()
                    .set("name", alliance.name())
                    .set("memberInstitutionIds",
                            alliance.memberInstitutionIds().stream().map(InstitutionId::value).toList())
                    .set("active", alliance.active());
        }

        Alliance toDomain() {
            List<InstitutionId> members = memberInstitutionIds == null ? List.of() : memberInstitutionIds.stream()
                    .filter(member -> member != null && !member.isBlank()).map(InstitutionId::new).toList();
            return new Alliance(new AllianceId(id), name, members, active, version);
        }
    }

    /** One per practitioner: where they work, in which role, whether still in service. */
    record PractitionerDocument(@Id String id, String institutionId, String role, boolean active, long version) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(Practitioner practitioner) {
            return new Update()
                    .set("institutionId", practitioner.institutionId().value())
                    .set("role", practitioner.role())
                    .set("active", practitioner.active());
        }

        Practitioner toDomain() {
            return new Practitioner(new PractitionerId(id), new InstitutionId(institutionId), role, active, version);
        }
    }

    private static InstitutionId institutionId(String stored) {
        return Identifier.ofValueOrNull(stored, InstitutionId::new);
    }
}

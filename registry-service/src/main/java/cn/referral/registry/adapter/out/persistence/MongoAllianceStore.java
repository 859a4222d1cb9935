package cn.referral.registry.adapter.out.persistence;

import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.port.out.AllianceStore;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.alliance.GridCell;
import cn.referral.registry.domain.alliance.GridId;
import cn.referral.registry.domain.institution.RegionCode;
import cn.referral.registry.domain.policy.OneAlliancePerGridCell;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MongoAllianceStore extends MongoRecordStore<Alliance, AllianceId, AllianceDocument> implements AllianceStore {

    static final String GRID_CELL_INDEX = "grid_cell_one_alliance";

    MongoAllianceStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots) {
        super(mongo, snapshots, AllianceDocument.class, AllianceDocument.COLLECTION, "Alliance", AllianceId::value);
    }

    /** One alliance per grid cell (sparse: alliances without cells are not indexed); members for lookups. */
    Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(AllianceDocument.COLLECTION);
        return indexes.createIndex(new Index("gridCells", Sort.Direction.ASC).unique().sparse().named(GRID_CELL_INDEX))
                .then(indexes.createIndex(new Index("memberInstitutionIds", Sort.Direction.ASC)
                        .named("alliance_members")))
                .then();
    }

    @Override
    public Flux<Alliance> findByMember(InstitutionId institutionId) {
        return findLive(Query.query(Criteria.where("memberInstitutionIds").is(institutionId.value()))
                .with(Sort.by("_id")));
    }

    @Override
    public Flux<Alliance> findClaiming(Collection<String> gridCells) {
        return gridCells.isEmpty() ? Flux.empty()
                : findLive(Query.query(Criteria.where("gridCells").in(gridCells)));
    }

    @Override
    Throwable duplicate(DuplicateKeyException error, Alliance alliance) {
        return String.valueOf(error.getMessage()).contains(GRID_CELL_INDEX)
                ? OneAlliancePerGridCell.taken(alliance.claimedGridCells(), null, null)
                : super.duplicate(error, alliance);
    }

    @Override
    AllianceDocument toDocument(Alliance alliance, boolean removed, List<OutboxEvent> outbox) {
        List<String> cells = removed ? List.of() : alliance.claimedGridCells();
        return new AllianceDocument(alliance.id().value(), alliance.name(), alliance.type().name(),
                alliance.region().value(), values(alliance.leadInstitutionIds()),
                Identifier.valueOrNull(alliance.hubInstitutionId()), values(alliance.memberInstitutionIds()),
                alliance.grids().stream().map(cell -> new AllianceDocument.Grid(cell.gridId().value(), cell.name(),
                        cell.district(), Identifier.valueOrNull(cell.leadInstitutionId()),
                        values(cell.memberInstitutionIds()))).toList(),
                cells.isEmpty() ? null : cells, alliance.active(), alliance.version(), removed, outbox);
    }

    @Override
    Alliance toDomain(AllianceDocument document) {
        List<GridCell> grids = document.grids() == null ? List.of() : document.grids().stream()
                .map(grid -> new GridCell(new GridId(grid.gridId()), grid.name(), grid.district(),
                        institutionOrNull(grid.leadInstitutionId()), institutions(grid.memberInstitutionIds())))
                .toList();
        return new Alliance(new AllianceId(document.id()), document.name(), AllianceType.valueOf(document.type()),
                new RegionCode(document.regionCode()), institutions(document.leadInstitutionIds()),
                institutionOrNull(document.hubInstitutionId()), institutions(document.memberInstitutionIds()), grids,
                document.active(), document.version());
    }

    private static List<String> values(List<InstitutionId> ids) {
        return ids.stream().map(InstitutionId::value).toList();
    }

    private static List<InstitutionId> institutions(List<String> ids) {
        return ids == null ? null : ids.stream().map(InstitutionId::new).toList();
    }

    private static InstitutionId institutionOrNull(String id) {
        return id == null ? null : new InstitutionId(id);
    }
}

package cn.referral.billing.adapter.out.persistence;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.ScheduleStore;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.RegionCode;
import reactor.core.publisher.Mono;

/** Schedules keyed {@code region:scheme:year}; a PUT replaces the amounts with one {@code $set} and bumps the version. */
@Component
class MongoScheduleStore implements ScheduleStore {

    static final String COLLECTION = "schedules";

    private final ReplacedDocuments<DeductibleSchedule> documents;

    MongoScheduleStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.documents = new ReplacedDocuments<>(mongo, clock, COLLECTION, MongoScheduleStore::toDomain);
    }

    @Override
    public Mono<DeductibleSchedule> save(DeductibleSchedule schedule) {
        Document amounts = new Document();
        schedule.deductibles().forEach((careType, byLevel) -> {
            Document levels = new Document();
            byLevel.forEach((level, fen) -> levels.append(level.name(), fen.value()));
            amounts.append(careType.name(), levels);
        });
        Update update = new Update()
                .set("region", schedule.region().value())
                .set("scheme", schedule.scheme().name())
                .set("year", schedule.year())
                .set("deductibleFen", amounts)
                .set("careTypesWithoutDeductible",
                        schedule.careTypesWithoutDeductible().stream().map(Enum::name).sorted().toList())
                .set("note", schedule.note());
        return documents.replace(schedule.key(), update);
    }

    @Override
    public Mono<DeductibleSchedule> find(RegionCode region, InsuranceScheme scheme, int year) {
        return documents.find(DeductibleSchedule.key(region, scheme, year));
    }

    private static DeductibleSchedule toDomain(Document document) {
        Map<CareType, Map<InstitutionLevel, Fen>> deductibles = new EnumMap<>(CareType.class);
        document.get("deductibleFen", Document.class).forEach((careType, levels) -> {
            Map<InstitutionLevel, Fen> byLevel = new EnumMap<>(InstitutionLevel.class);
            ((Document) levels).forEach((level, fen) -> byLevel.put(InstitutionLevel.valueOf(level),
                    Fen.of(((Number) fen).longValue())));
            deductibles.put(CareType.valueOf(careType), byLevel);
        });
        Set<CareType> without = EnumSet.noneOf(CareType.class);
        document.getList("careTypesWithoutDeductible", String.class, List.of())
                .forEach(careType -> without.add(CareType.valueOf(careType)));
        return new DeductibleSchedule(new RegionCode(document.getString("region")),
                InsuranceScheme.valueOf(document.getString("scheme")), document.getInteger("year"), deductibles,
                without, document.getString("note"), ((Number) document.get("version")).longValue());
    }
}

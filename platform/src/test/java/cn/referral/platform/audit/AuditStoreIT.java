package cn.referral.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import cn.referral.platform.testing.MongoStandInDatabase;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A service's audit entries as its adapter stores them: every component a field, chained, read back whole. */
class AuditStoreIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MORNING = Instant.parse("2026-11-25T01:00:00Z");

    @RegisterExtension
    static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("audit-store-it");

    private final ReactiveMongoTemplate mongo = DATABASE.template();
    private AuditChain chain;
    private ContractReads<ContractRead> store;

    record ContractRead(String id, Instant at, String subject, List<String> roles, String contractId, String purpose,
                        boolean inFull) {
    }

    record NoTime(String id, String contractId) {
    }

    /** A store as a service's adapter declares it; here the audit record is its own stored entry. */
    static final class ContractReads<E extends Record> extends AuditStore<E, E> {

        ContractReads(ReactiveMongoTemplate mongo, AuditChain chain, Class<E> entryType) {
            super(mongo, chain, new Lookup("contractId", Sort.Direction.DESC, "audit_by_contract",
                    Sort.by(Sort.Order.desc("at"))), entryType);
        }

        @Override
        protected E entryOf(E record) {
            return record;
        }

        @Override
        protected E recordOf(E entry) {
            return entry;
        }

        Flux<E> aboutContract(String contractId) {
            return recordsAbout(contractId);
        }
    }

    @BeforeEach
    void emptyAudit() {
        mongo.remove(new Query(), AuditStore.COLLECTION).block(WAIT);
        chain = new AuditChain(mongo, AuditStore.COLLECTION);
        store = new ContractReads<>(mongo, chain, ContractRead.class);
        store.ensureIndexes().block(WAIT);
    }

    @Test
    void anEntryIsStoredFieldByFieldInTheChainAndReadBackWhole() {
        ContractRead first = new ContractRead("a-1", MORNING, "doctor-1", List.of("DOCTOR"), "c-1", "TREATMENT", true);
        ContractRead other = new ContractRead("a-2", MORNING.plusSeconds(1), "doctor-2", List.of(), "c-2", null, false);
        ContractRead later = new ContractRead("a-3", MORNING.plusSeconds(2), "auditor", List.of("AUDITOR"), "c-1",
                "AUDIT", false);
        store.record(first).then(store.record(other)).then(store.record(later)).block(WAIT);

        Document stored = mongo.findOne(new Query(Criteria.where("_id").is("a-1")), Document.class,
                AuditStore.COLLECTION).block(WAIT);
        assertThat(stored).containsEntry("subject", "doctor-1").containsEntry("roles", List.of("DOCTOR"))
                .containsEntry("contractId", "c-1").containsEntry("purpose", "TREATMENT")
                .containsEntry("inFull", true).containsEntry("chainSeq", 1L)
                .doesNotContainKeys("id");
        assertThat(chain.verify(LocalDate.of(2026, 11, 25)).block(WAIT).records()).isEqualTo(3);

        StepVerifier.create(store.aboutContract("c-1"))
                .expectNext(later, first)
                .verifyComplete();
    }

    @Test
    void anAbsentFieldIsStoredAsNullSoTheChainHashesIt() {
        store.record(new ContractRead("a-1", MORNING, "doctor-1", List.of(), "c-1", null, false)).block(WAIT);

        Document stored = mongo.findOne(new Query(), Document.class, AuditStore.COLLECTION).block(WAIT);

        assertThat(stored).containsKey("purpose");
        assertThat(stored.get("purpose")).isNull();
    }

    @Test
    void anEntryWithoutATimeIsRefusedAndNothingIsStored() {
        StepVerifier.create(new ContractReads<>(mongo, chain, NoTime.class).record(new NoTime("a-1", "c-1")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("needs an id and an at"))
                .verify(WAIT);

        assertThat(mongo.count(new Query(), AuditStore.COLLECTION).block(WAIT)).isZero();
    }
}

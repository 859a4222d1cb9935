package cn.referral.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * An append-only audit collection: records are chained per day (China Standard Time). Each record
 * carries its day, its place in the day ({@value #SEQ}, from 1), the hash of the record before it
 * ({@value #PREVIOUS}; the first of a day chains to a hash of the collection and the day) and its own
 * {@value #HASH}, SHA-256 over the previous hash and every stored field. A record rewritten or
 * removed, or one slipped in, breaks the chain at that place, and {@link #verify} says where; an
 * auditor who keeps a day's {@code headHash} also detects a chain recomputed from scratch.
 * <p>
 * Appends from any number of replicas stay one chain: the unique index on day and place lets exactly
 * one writer take each place; the others read the new head and try again. Within one replica appends
 * are queued and written one at a time, so only replicas race each other.
 */
public class AuditChain {

    public static final ZoneId CHAIN_ZONE = ZoneId.of("Asia/Shanghai");
    static final String DAY = "chainDay";
    static final String SEQ = "chainSeq";
    static final String PREVIOUS = "previousHash";
    static final String HASH = "hash";
    private static final int MAX_ATTEMPTS = 200;

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Sinks.Many<Mono<Void>> queue = Sinks.many().unicast().onBackpressureBuffer();
    /**
     * The last record this replica appended: appends are queued one at a time here, so the next one
     * chains to it without reading the head back; another replica that took the place meanwhile
     * makes the insert fail on the unique index, and the retry reads the real head.
     */
    private volatile Document lastAppended;

    public AuditChain(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        queue.asFlux().concatMap(append -> append.onErrorResume(error -> Mono.empty()), 1).subscribe();
    }

    public String collection() {
        return collection;
    }

    public Mono<String> ensureIndexes() {
        return mongo.indexOps(collection).createIndex(new Index().on(DAY, Sort.Direction.ASC)
                .on(SEQ, Sort.Direction.ASC).unique().named("audit_chain"));
    }

    /**
     * Appends a record with its {@code id} and time {@code at}, and the given fields (strings, lists of
     * strings, numbers, booleans or null) stored as they are, at the top level.
     */
    public Mono<Void> append(String id, Instant at, Map<String, ?> fields) {
        return Mono.defer(() -> {
            Sinks.One<Void> done = Sinks.one();
            Mono<Void> append = write(id, at, fields)
                    .doOnSuccess(nothing -> done.tryEmitEmpty())
                    .doOnError(done::tryEmitError)
                    .doOnCancel(() -> done.tryEmitError(new IllegalStateException("audit append cancelled")));
            queue.emitNext(append, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
            return done.asMono();
        });
    }

    private Mono<Void> write(String id, Instant at, Map<String, ?> fields) {
        String day = LocalDate.ofInstant(at, CHAIN_ZONE).toString();
        return Mono.defer(() -> knownHead(day).switchIfEmpty(Mono.defer(() -> head(day)))
                        .defaultIfEmpty(new Document(SEQ, 0L).append(HASH, genesis(day)))
                        .flatMap(head -> {
                            Document record = new Document("_id", id).append("at", Date.from(at));
                            fields.forEach(record::append);
                            record.append(DAY, day).append(SEQ, ((Number) head.get(SEQ)).longValue() + 1)
                                    .append(PREVIOUS, head.getString(HASH));
                            record.append(HASH, hashOf(record));
                            return mongo.insert(record, collection)
                                    .doOnSuccess(inserted -> lastAppended = record)
                                    .doOnError(error -> lastAppended = null);
                        }))
                .retryWhen(Retry.max(MAX_ATTEMPTS).filter(AuditChain::lostTheRace))
                .then();
    }

    private Mono<Document> knownHead(String day) {
        Document last = lastAppended;
        return last != null && day.equals(last.getString(DAY)) ? Mono.just(last) : Mono.empty();
    }

    private static boolean lostTheRace(Throwable error) {
        return error instanceof DuplicateKeyException;
    }

    private Mono<Document> head(String day) {
        return mongo.findOne(new Query(Criteria.where(DAY).is(day)).with(Sort.by(Sort.Direction.DESC, SEQ)),
                Document.class, collection);
    }

    /** Walks the day's chain from its first record and reports the first place it is broken, if any. */
    public Mono<ChainVerification> verify(LocalDate day) {
        Flux<Document> records = mongo.find(new Query(Criteria.where(DAY).is(day.toString()))
                .with(Sort.by(Sort.Direction.ASC, SEQ)), Document.class, collection);
        return records.collectList().map(list -> walk(day, list));
    }

    private ChainVerification walk(LocalDate day, List<Document> records) {
        String previous = genesis(day.toString());
        long expectedSeq = 1;
        for (Document record : records) {
            long seq = ((Number) record.get(SEQ)).longValue();
            Object id = record.get("_id");
            if (seq != expectedSeq) {
                return ChainVerification.broken(day, records.size(), expectedSeq, String.valueOf(id),
                        seq > expectedSeq ? "record " + expectedSeq + " is missing" : "record " + seq + " appears twice");
            }
            if (!previous.equals(record.getString(PREVIOUS))) {
                return ChainVerification.broken(day, records.size(), seq, String.valueOf(id),
                        "does not chain to the record before it");
            }
            Document withoutHash = new Document(record);
            withoutHash.remove(HASH);
            String hash = hashOf(withoutHash);
            if (!hash.equals(record.getString(HASH))) {
                return ChainVerification.broken(day, records.size(), seq, String.valueOf(id),
                        "its content does not match its hash (rewritten)");
            }
            previous = hash;
            expectedSeq++;
        }
        return ChainVerification.intact(day, records.size(), previous);
    }

    private String genesis(String day) {
        return sha256("audit-chain\n" + collection + "\n" + day);
    }

    /** SHA-256 over every field but the hash itself, in key order, each length-prefixed. */
    static String hashOf(Document record) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(record).forEach((key, value) -> {
            if (!HASH.equals(key)) {
                canonical.append(key.length()).append(':').append(key).append('=');
                append(canonical, value);
                canonical.append(';');
            }
        });
        return sha256(canonical.toString());
    }

    private static void append(StringBuilder canonical, Object value) {
        if (value == null) {
            canonical.append('~');
        } else if (value instanceof Date date) {
            canonical.append('t').append(date.getTime());
        } else if (value instanceof List<?> list) {
            canonical.append('[');
            list.forEach(item -> {
                append(canonical, item);
                canonical.append(',');
            });
            canonical.append(']');
        } else if (value instanceof Map<?, ?> map) {
            canonical.append('{');
            new TreeMap<>(map).forEach((key, item) -> {
                canonical.append(key).append('=');
                append(canonical, item);
                canonical.append(',');
            });
            canonical.append('}');
        } else {
            String text = value instanceof Number number ? Long.toString(number.longValue())
                    : value.toString();
            canonical.append(text.length()).append(':').append(text);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

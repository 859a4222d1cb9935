package cn.referral.platform.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's {@value #COLLECTION} collection: append-only entries hash-chained per day
 * ({@link AuditChain}), looked up by the one field that names what was read (a referral, a contract).
 * A service's audit adapter extends it and says only how its audit record maps to a stored entry.
 * <p>
 * An entry is a Java record {@code E} with an {@code id} ({@code String}) and an {@code at}
 * ({@code Instant}); every other component is stored under its own name, as it is (strings, lists of
 * strings, booleans, numbers or null), and read back into the same record.
 *
 * @param <R> the service's audit record (its application port's type)
 * @param <E> the stored entry
 */
public abstract class AuditStore<R, E extends Record> {

    public static final String COLLECTION = "audit";

    /**
     * How entries are looked up: by {@code field}, indexed with time in {@code byTime} order under
     * {@code name}, and read in {@code order}.
     */
    public record Lookup(String field, Sort.Direction byTime, String name, Sort order) {
    }

    private final ReactiveMongoTemplate mongo;
    private final AuditChain chain;
    private final Lookup lookup;
    private final Class<E> entryType;

    protected AuditStore(ReactiveMongoTemplate mongo, AuditChain chain, Lookup lookup, Class<E> entryType) {
        this.mongo = mongo;
        this.chain = chain;
        this.lookup = lookup;
        this.entryType = entryType;
    }

    /** The stored form of a service's audit record. */
    protected abstract E entryOf(R record);

    /** The audit record a stored entry holds. */
    protected abstract R recordOf(E entry);

    public Mono<String> ensureIndexes() {
        return mongo.indexOps(chain.collection()).createIndex(new Index().on(lookup.field(), Sort.Direction.ASC)
                .on("at", lookup.byTime()).named(lookup.name())).then(chain.ensureIndexes());
    }

    /** Appends the record to the day's chain; completes once it is stored. */
    public Mono<Void> record(R record) {
        return Mono.defer(() -> {
            E entry = entryOf(record);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : entry.getClass().getRecordComponents()) {
                fields.put(component.getName(), valueOf(entry, component));
            }
            String id = (String) fields.remove("id");
            Instant at = (Instant) fields.remove("at");
            if (id == null || at == null) {
                return Mono.error(new IllegalArgumentException(
                        "an audit entry needs an id and an at: " + entry.getClass().getName()));
            }
            return chain.append(id, at, fields);
        });
    }

    /**
     * The records about {@code key} (in the lookup field), in the lookup's order. Public so that a service's
     * audit-trail port can declare it and its store need not forward to it.
     */
    public Flux<R> recordsAbout(String key) {
        return mongo.find(new Query(Criteria.where(lookup.field()).is(key)).with(lookup.order()), entryType,
                chain.collection()).map(this::recordOf);
    }

    private static Object valueOf(Record entry, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            // entries are package-private records in their adapters
            accessor.setAccessible(true);
            return accessor.invoke(entry);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of an audit entry", e);
        }
    }
}

package cn.referral.platform.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sealed fields of one collection, and the re-seal job's work on them: after a key rotation (or for
 * values of the first format) every value not sealed with the current key is opened and sealed again
 * with it, for the same document and field. Each document is rewritten with a compare-and-set on the
 * old values, so replicas running the job at once, or a concurrent change of the document, never lose
 * a write: the loser leaves the document for the next run.
 */
public class SealedFields {

    /**
     * A field that holds a sealed value.
     *
     * @param path where it is in the stored document, e.g. {@code request.patient.name.value}
     * @param name its name in the {@link SealContext}, e.g. {@code patient.name}
     */
    public record Field(String path, String name) {
    }

    private final ReactiveMongoTemplate mongo;
    private final PatientDataCrypto crypto;
    private final String collection;
    private final String contextCollection;
    private final List<Field> fields;

    /**
     * @param collection        the stored collection
     * @param contextCollection the {@link SealContext#collection()} its values are sealed for (the
     *                          document id is the context's document id)
     */
    public SealedFields(ReactiveMongoTemplate mongo, PatientDataCrypto crypto, String collection,
                        String contextCollection, List<Field> fields) {
        this.mongo = mongo;
        this.crypto = crypto;
        this.collection = collection;
        this.contextCollection = contextCollection;
        this.fields = List.copyOf(fields);
    }

    /** Re-seals up to {@code batch} documents holding a value of an older key or format; emits how many it rewrote. */
    public Mono<Long> resealBatch(int batch) {
        Pattern current = Pattern.compile("^" + Pattern.quote(crypto.currentPrefix()));
        Criteria[] stale = fields.stream()
                .map(field -> Criteria.where(field.path()).ne(null).not().regex(current))
                .toArray(Criteria[]::new);
        Query query = new Query(new Criteria().orOperator(stale)).limit(batch);
        Flux<Document> documents = mongo.find(query, Document.class, collection);
        return documents.concatMap(this::reseal).filter(Boolean::booleanValue).count();
    }

    private Mono<Boolean> reseal(Document document) {
        Object id = document.get("_id");
        Criteria unchanged = Criteria.where("_id").is(id);
        Update update = new Update();
        List<String> changed = new ArrayList<>();
        for (Field field : fields) {
            Object value = valueAt(document, field.path());
            if (value instanceof String sealed && !crypto.isCurrent(sealed)) {
                update.set(field.path(), crypto.reseal(sealed,
                        new SealContext(contextCollection, String.valueOf(id), field.name())));
                unchanged = unchanged.and(field.path()).is(sealed);
                changed.add(field.path());
            }
        }
        if (changed.isEmpty()) {
            return Mono.just(false);
        }
        return mongo.updateFirst(new Query(unchanged), update, collection)
                .map(result -> result.getModifiedCount() > 0);
    }

    private static Object valueAt(Document document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}

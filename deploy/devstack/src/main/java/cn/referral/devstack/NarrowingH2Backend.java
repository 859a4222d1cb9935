package cn.referral.devstack;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's H2 backend, with one change to how a query finds its documents: the library uses a
 * (unique) index only when the query names exactly that index's fields, so {@code {_id: x, claim: c}}
 * or {@code {_id: x, revision: 7}} - every guarded compare-and-set the services send - scanned the
 * whole collection under the collection's lock. Here such a query first takes the documents the
 * index gives for its equality part ({@code {_id: x}}), then applies the whole query to them, which
 * is what a real MongoDB does with the {@code _id} index. The answer is the same document set; only
 * the scan is gone, so a hop of a saga no longer slows down as the collections grow.
 */
final class NarrowingH2Backend extends H2Backend {

    private static final Logger LOG = LoggerFactory.getLogger(NarrowingH2Backend.class);

    private final Map<String, LongAdder> scans = new ConcurrentHashMap<>();

    NarrowingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new NarrowingDatabase(databaseName);
    }

    /**
     * An inner class on purpose: {@code H2Database}'s constructor already opens the existing
     * collections (through {@link #openOrCreateCollection}), and an inner instance can reach the
     * backend's store at that point, when its own fields are not yet set.
     */
    private final class NarrowingDatabase extends H2Database {

        NarrowingDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new StandInDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
            return new NarrowingCollection(this, collectionName, options, data, meta);
        }

        /**
         * Unique indexes keyed in value order ({@link IndexKeyType}), under a map name of their own: an index
         * kept by an earlier stand-in (byte order) is removed here, and its collection rebuilds it from the
         * documents when it finds the new one empty.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String byteOrdered = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (getMvStore().hasMap(byteOrdered)) {
                getMvStore().removeMap(byteOrdered);
            }
            MVMap<KeyValue, Object> entries = getMvStore().openMap(valueOrdered(collectionName, indexName),
                    OrderedUniqueIndex.mapBuilder());
            return new OrderedUniqueIndex(entries, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = valueOrdered(collection.getCollectionName(), indexName);
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        private String valueOrdered(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName + ".by-value";
        }
    }

    private final class NarrowingCollection extends H2Collection {

        NarrowingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta) {
            super(database, collectionName, options, data, meta, getCursorRegistry());
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(query)) {
                    return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            Document conjuncts = conjuncts(query);
            for (Index<Object> index : getIndexes()) {
                Document equalities = equalityPart(conjuncts, index);
                if (equalities != null && index.canHandle(equalities)) {
                    return matchDocuments(query, index.getPositions(equalities), orderBy, numberToSkip, limit,
                            batchSize, fieldSelector);
                }
            }
            for (Index<Object> index : getIndexes()) {
                List<Object> prefix = equalityPrefix(conjuncts, index);
                if (!prefix.isEmpty()) {
                    return matchDocuments(query, positionsWithPrefix(index, prefix), orderBy, numberToSkip, limit,
                            batchSize, fieldSelector);
                }
            }
            if (scans != null) { // null while H2Backend's constructor reopens the file's databases
                scans.computeIfAbsent(getCollectionName() + " " + shapeOf(query), shape -> new LongAdder()).increment();
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * A query answers with copies of the documents it found, taken under the collection's lock, never with
         * the instances the store holds. mongo-java-server (1.47.0) hands the stored instances out
         * ({@code H2Collection.getDocument} is {@code MVMap.get}, and {@code matchDocumentsFromStream} keeps them
         * when there is no projection), and its update changes the document its query found in place
         * ({@code AbstractMongoCollection.updateDocument}: {@code document.remove} and {@code document.put}, then
         * {@code handleUpdate} puts the same instance back). A find's reply, encoded on a Netty thread after the
         * lock is released, then met an update of another client in the middle: a
         * {@code ConcurrentModificationException} (connection closed, no answer) or a reply mixing two versions;
         * and so did the store's commit, which writes the same instances. With copies here an update changes its
         * own copy and puts that into the store, and a stored instance is never changed again.
         */
        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            List<Document> copies = new ArrayList<>(matchedDocuments.size());
            for (Document document : matchedDocuments) {
                copies.add(document.cloneDeeply());
            }
            return super.createQueryResult(copies, batchSize);
        }
    }

    /** The fields a query names (no values: they may be patient data), e.g. {@code {outbox.0, $and[...]}}. */
    static String shapeOf(Object query) {
        if (query instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((key, value) -> {
                shape.append(shape.length() > 1 ? ", " : "").append(key);
                if (key.startsWith("$") || value instanceof Document) {
                    shape.append(shapeOf(value));
                }
            });
            return shape.append('}').toString();
        }
        if (query instanceof Collection<?> list) {
            return list.stream().map(NarrowingH2Backend::shapeOf).distinct().sorted()
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return "";
    }

    /** How many queries scanned a whole collection since the last report, by collection and query shape. */
    Map<String, Long> scansSoFar() {
        Map<String, Long> counted = new TreeMap<>();
        scans.forEach((shape, count) -> counted.put(shape, count.sum()));
        return counted;
    }

    /** Logs which queries scanned a whole collection since the last report, at DEBUG (the indexes a real MongoDB uses). */
    void reportScans() {
        if (!LOG.isDebugEnabled() || scans.isEmpty()) {
            return;
        }
        Map<String, Long> counted = new TreeMap<>();
        scans.forEach((shape, count) -> counted.put(shape, count.sumThenReset()));
        counted.values().removeIf(count -> count == 0);
        if (!counted.isEmpty()) {
            LOG.debug("Queries that scanned a whole collection: {}", counted);
        }
    }

    /**
     * The conditions every matching document meets, one per field: the query's top-level fields and
     * those of the documents in a top-level {@code $and} (the Java driver's {@code Filters.and} sends
     * one). Only used to pick index entries; the whole query is still applied to the documents.
     */
    static Document conjuncts(Document query) {
        Document all = new Document();
        query.forEach((key, value) -> {
            if ("$and".equals(key) && value instanceof Collection<?> parts) {
                parts.stream().filter(Document.class::isInstance).map(Document.class::cast)
                        .forEach(part -> part.forEach(all::putIfAbsent));
            } else if (!key.startsWith("$")) {
                all.putIfAbsent(key, value);
            }
        });
        return all;
    }

    /**
     * The query's text equalities on the leading fields of a compound unique {@code index}, in index
     * order ({@code [i1, 皮肤科, EXPERT]} of {@code {institutionId, department, resource, date: {$gte, $lte}}}
     * on {@code (institutionId, department, resource, date, session)}); empty when the first field has none.
     */
    static List<Object> equalityPrefix(Document query, Index<?> index) {
        List<Object> prefix = new ArrayList<>();
        if (!(index instanceof AbstractUniqueIndex<?>) || index.getKeys().size() < 2) {
            return prefix;
        }
        for (IndexKey key : index.getKeys()) {
            Object value = query.get(key.getKey());
            if (!(value instanceof String)) {
                break;
            }
            prefix.add(value);
        }
        return prefix;
    }

    /** The positions of the index entries that begin with {@code prefix}: a walk over keys, not documents. */
    @SuppressWarnings("unchecked")
    private static Iterable<Object> positionsWithPrefix(Index<Object> index, List<Object> prefix) {
        List<Object> positions = new ArrayList<>();
        try {
            for (Map.Entry<KeyValue, Object> entry : (Iterable<Map.Entry<KeyValue, Object>>) INDEX_ENTRIES.invoke(index)) {
                if (startsWith(entry.getKey(), prefix)) {
                    positions.add(entry.getValue());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the entries of index " + index.getName(), e);
        }
        return positions;
    }

    private static boolean startsWith(KeyValue key, List<Object> prefix) {
        if (key.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            Object value = key.get(i);
            boolean equal = prefix.get(i).equals(value)
                    || value instanceof Collection<?> values && values.contains(prefix.get(i));
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code AbstractUniqueIndex.getIterable()}: the index's (key, position) entries. Protected in
     * mongo-java-server (1.47.0, pinned in the parent pom); {@code NarrowingH2BackendTest} fails if a
     * new version moves it.
     */
    private static final Method INDEX_ENTRIES = indexEntries();

    private static Method indexEntries() {
        try {
            Method method = AbstractUniqueIndex.class.getDeclaredMethod("getIterable");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("mongo-java-server's unique index has no getIterable() any more", e);
        }
    }

    /**
     * The query's plain equalities on every field of {@code index} ({@code {_id: x}} of
     * {@code {_id: x, claim: c}}), or null where one of its fields has none (absent, an operator,
     * a sub-document, an array or a pattern).
     */
    static Document equalityPart(Document query, Index<?> index) {
        Document equalities = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!query.containsKey(key.getKey())) {
                return null;
            }
            Object value = query.get(key.getKey());
            if (value == null || value instanceof Document || value instanceof Collection<?>
                    || value instanceof Pattern) {
                return null;
            }
            equalities.put(key.getKey(), value);
        }
        return equalities;
    }
}

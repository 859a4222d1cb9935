package cn.referral.console.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;

import reactor.core.publisher.Mono;

/**
 * Console sessions in MongoDB (collection {@code sessions} of the console's own database), so a
 * restarted console or another replica still knows the signed-in user. One document per session,
 * written whole (single-document atomic, no transactions); the attributes (the security context,
 * the user, the gateway token or the OIDC authorized client) are Java-serialised and read back
 * through an allow-list filter. Expired sessions are dropped when read; where TTL indexes exist
 * (real MongoDB) the {@code expireAt} field lets one clean them up. Spring Session's own MongoDB
 * module exists for Spring Session 4 only as a milestone (4.0.0-M2), hence this small repository.
 */
public class MongoSessionRepository implements ReactiveSessionRepository<MapSession> {

    static final String COLLECTION = "sessions";
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.**;javax.**;org.springframework.**;cn.referral.console.**;com.nimbusds.**;net.minidev.**;!*");

    private final ReactiveMongoTemplate mongo;
    private final Duration maxInactive;
    private final Clock clock;

    public MongoSessionRepository(ReactiveMongoTemplate mongo, Duration maxInactive, Clock clock) {
        this.mongo = mongo;
        this.maxInactive = maxInactive;
        this.clock = clock;
    }

    @Override
    public Mono<MapSession> createSession() {
        return Mono.fromSupplier(() -> {
            MapSession session = new MapSession();
            session.setCreationTime(clock.instant());
            session.setLastAccessedTime(clock.instant());
            session.setMaxInactiveInterval(maxInactive);
            return session;
        });
    }

    @Override
    public Mono<Void> save(MapSession session) {
        Document document = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expireAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", new Binary(serialise(session)));
        Mono<Void> dropOldId = session.getOriginalId().equals(session.getId()) ? Mono.empty()
                : deleteById(session.getOriginalId());
        return dropOldId.then(mongo.getCollection(COLLECTION)
                .flatMap(collection -> Mono.from(collection.replaceOne(new Document("_id", session.getId()), document,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true)))))
                .then();
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION)
                .flatMap(document -> {
                    MapSession session = restore(id, document);
                    if (!session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isAfter(clock.instant())) {
                        return deleteById(id).then(Mono.empty());
                    }
                    return Mono.just(session);
                });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    private static MapSession restore(String id, Document document) {
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("createdAt").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        deserialise(document.get("attributes", Binary.class).getData()).forEach(session::setAttribute);
        return session;
    }

    private static byte[] serialise(MapSession session) {
        HashMap<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> {
            Object value = session.getAttribute(name);
            if (value instanceof Serializable) {
                attributes.put(name, value);
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the session", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialise(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            // an unreadable session (e.g. written by an older console) is no session: the user signs in again
            return Map.of();
        }
    }
}

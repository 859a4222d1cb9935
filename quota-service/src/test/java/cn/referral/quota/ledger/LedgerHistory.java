package cn.referral.quota.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import cn.referral.quota.domain.policy.ReservePolicies;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded history of one pool: the events in its outbox, in the order the atomic writes
 * happened, the {@code Waitlisted} events of its waitlist entries, and the entries still waiting in
 * service order (rank, then arrival number). {@link #assertNoOverbooking} checks a concurrent run
 * against it, whichever implementation produced it.
 */
public record LedgerHistory(List<JsonNode> poolEvents, List<JsonNode> waitlistEvents,
                            List<String> waitingInServiceOrder, List<String> joinedInArrivalOrder, int storedHeld,
                            int storedGreenChannelHeld) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static LedgerHistory of(ReactiveMongoTemplate mongo, String poolCollection, String waitlistCollection,
                                   String poolId) {
        Document pool = mongo.findById(poolId, Document.class, poolCollection).block(Duration.ofSeconds(10));
        List<Document> entries = mongo.find(new Query(Criteria.where("poolId").is(poolId)), Document.class,
                waitlistCollection).collectList().block(Duration.ofSeconds(10));
        List<JsonNode> waitlistEvents = entries.stream()
                .sorted(Comparator.comparing(entry -> ((Number) entry.get("seq")).longValue()))
                .flatMap(entry -> entry.getList("outbox", Document.class, List.of()).stream())
                .map(LedgerHistory::event).toList();
        List<String> waiting = entries.stream().filter(entry -> "WAITING".equals(entry.getString("state")))
                .sorted(Comparator.<Document>comparingInt(entry -> entry.getInteger("rank"))
                        .thenComparingLong(entry -> ((Number) entry.get("seq")).longValue()))
                .map(entry -> entry.getString("referralId")).toList();
        List<String> arrival = entries.stream()
                .sorted(Comparator.comparing(entry -> ((Number) entry.get("seq")).longValue()))
                .map(entry -> entry.getString("referralId")).toList();
        return new LedgerHistory(pool.getList("outbox", Document.class, List.of()).stream().map(LedgerHistory::event)
                .toList(), waitlistEvents, waiting, arrival, pool.getInteger("held", 0),
                pool.getInteger("greenChannelHeld", 0));
    }

    private static JsonNode event(Document event) {
        JsonNode payload = JSON.readTree(event.getString("payload"));
        return JSON.createObjectNode().put("type", event.getString("type")).set("payload", payload);
    }

    /** Referrals held from the reserve, in the order the holds were written. */
    public List<String> held() {
        return ofType(poolEvents, "quota.slot-held.v1").stream().filter(p -> !p.get("greenChannel").asBoolean())
                .map(p -> p.get("referralId").asString()).toList();
    }

    public List<String> heldInGreenChannel() {
        return ofType(poolEvents, "quota.slot-held.v1").stream().filter(p -> p.get("greenChannel").asBoolean())
                .map(p -> p.get("referralId").asString()).toList();
    }

    public List<String> released() {
        return ofType(poolEvents, "quota.slot-released.v1").stream().map(p -> p.get("referralId").asString())
                .toList();
    }

    /** Waitlisted referral → announced position (-1 if announced twice). */
    public Map<String, Integer> waitlisted() {
        Map<String, Integer> positions = new LinkedHashMap<>();
        ofType(waitlistEvents, "quota.waitlisted.v1").forEach(p -> positions.merge(p.get("referralId").asString(),
                p.get("position").asInt(), (a, b) -> -1));
        return positions;
    }

    /**
     * Exactly {@code reserved} holds, no referral held twice or both held and waiting, every attempt
     * answered once, and every waiting referral announced at the place {@link WaitlistOrder} gives it
     * among those who joined before it (or at a later place, when {@code exactPositions} is false:
     * a duplicate delivery counted in and out again while it was counted).
     */
    public void assertNoOverbooking(int reserved, Collection<HoldRequest> attempts) {
        assertNoOverbooking(reserved, attempts, true);
    }

    public void assertNoOverbooking(int reserved, Collection<HoldRequest> attempts, boolean exactPositions) {
        List<String> held = held();
        Map<String, Integer> waitlisted = waitlisted();
        Map<String, HoldRequest> byId = attempts.stream()
                .collect(Collectors.toMap(request -> request.referralId().value(), a -> a));

        assertThat(held).as("reserved units held (never more than the reserve)").hasSize(reserved);
        assertThat(Set.copyOf(held)).as("no referral held twice").hasSize(held.size());
        assertThat(storedHeld).as("the pool's own count of held units").isEqualTo(reserved);
        assertThat(waitlisted.values()).as("no referral announced twice on the waitlist").doesNotContain(-1);
        assertThat(held).as("no referral both held and waiting").doesNotContainAnyElementsOf(waitlisted.keySet());
        List<String> answered = new ArrayList<>(held);
        answered.addAll(heldInGreenChannel());
        answered.addAll(waitlisted.keySet());
        assertThat(answered).as("every attempt answered exactly once")
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        assertThat(waitingInServiceOrder).as("everyone not held waits")
                .containsExactlyInAnyOrderElementsOf(waitlisted.keySet());
        Map<WaitlistClass, Integer> joinedPerClass = new java.util.EnumMap<>(WaitlistClass.class);
        for (String referralId : joinedInArrivalOrder) {
            WaitlistClass joining = classOf(byId.get(referralId));
            joinedPerClass.merge(joining, 1, Integer::sum);
            int ahead = joinedPerClass.entrySet().stream().filter(e -> e.getKey().compareTo(joining) <= 0)
                    .mapToInt(Map.Entry::getValue).sum();
            var position = assertThat(waitlisted.get(referralId))
                    .as("position of %s (%s) among those who joined before it", referralId, joining);
            if (exactPositions) {
                position.isEqualTo(ahead);
            } else {
                position.isGreaterThanOrEqualTo(ahead);
            }
        }
        assertServiceOrderFollowsClasses(byId);
    }

    /** The stored queue serves EMERGENCY, URGENT, the rest (contracted too: seed 002's region), in that order. */
    public void assertServiceOrderFollowsClasses(Map<String, HoldRequest> byId) {
        List<WaitlistClass> classes = waitingInServiceOrder.stream().map(id -> classOf(byId.get(id))).toList();
        assertThat(classes).as("classes in service order").isSorted();
    }

    /** The ledgers under test run without region policies: seed 002's any referral, no contracted class. */
    private static WaitlistClass classOf(HoldRequest request) {
        return WaitlistOrder.classOf(request, ReservePolicies.DEFAULT);
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.get("type").asString())).map(e -> e.get("payload")).toList();
    }
}

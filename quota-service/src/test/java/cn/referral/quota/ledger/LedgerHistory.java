package cn.referral.quota.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.quota.domain.HoldRequest;
import cn.referral.quota.domain.WaitlistClass;
import cn.referral.quota.domain.WaitlistOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded history of one pool: the events in its outbox, in the order the atomic writes
 * happened, and its stored waitlist (arrival order). {@link #assertNoOverbooking} checks a
 * concurrent run against it, whichever implementation produced it.
 */
public record LedgerHistory(List<JsonNode> events, List<String> waitlistInArrivalOrder, int storedHeld) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static LedgerHistory of(ReactiveMongoTemplate mongo, String collection, String poolId) {
        Document pool = mongo.findById(poolId, Document.class, collection).block(Duration.ofSeconds(10));
        List<JsonNode> events = pool.getList("outbox", Document.class).stream()
                .map(event -> {
                    JsonNode payload = JSON.readTree(event.getString("payload"));
                    return (JsonNode) JSON.createObjectNode().put("type", event.getString("type"))
                            .set("payload", payload);
                })
                .toList();
        List<String> waitlist = pool.getList("waitlist", Document.class, List.of()).stream()
                .map(entry -> entry.getString("referralId")).toList();
        return new LedgerHistory(events, waitlist, pool.getInteger("held", 0));
    }

    public List<String> held() {
        return ofType("quota.slot-held.v1").stream().map(p -> p.get("referralId").asString()).toList();
    }

    /** Waitlisted referral → announced position. */
    public Map<String, Integer> waitlisted() {
        Map<String, Integer> positions = new LinkedHashMap<>();
        ofType("quota.waitlisted.v1").forEach(p -> positions.merge(p.get("referralId").asString(),
                p.get("position").asInt(), (a, b) -> -1));
        return positions;
    }

    /**
     * Exactly {@code reserved} holds, no referral held twice or both held and waiting, every attempt
     * answered once, and every waiting referral announced at the place {@link WaitlistOrder} gives it
     * among those who arrived before it.
     */
    public void assertNoOverbooking(int reserved, Collection<HoldRequest> attempts) {
        List<String> held = held();
        Map<String, Integer> waitlisted = waitlisted();
        Map<String, HoldRequest> byId = attempts.stream()
                .collect(Collectors.toMap(HoldRequest::referralId, a -> a));

        assertThat(held).as("reserved units held (never more than the reserve)").hasSize(reserved);
        assertThat(Set.copyOf(held)).as("no referral held twice").hasSize(held.size());
        assertThat(storedHeld).as("the pool's own count of held units").isEqualTo(reserved);
        assertThat(waitlisted.values()).as("no referral announced twice on the waitlist").doesNotContain(-1);
        assertThat(held).as("no referral both held and waiting").doesNotContainAnyElementsOf(waitlisted.keySet());
        List<String> answered = new ArrayList<>(held);
        answered.addAll(waitlisted.keySet());
        assertThat(answered).as("every attempt answered exactly once")
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        assertThat(waitlistInArrivalOrder).as("everyone not held waits")
                .containsExactlyInAnyOrderElementsOf(waitlisted.keySet());

        Map<WaitlistClass, Integer> arrivedPerClass = new HashMap<>();
        for (String referralId : waitlistInArrivalOrder) {
            WaitlistClass waitlistClass = classOf(byId.get(referralId));
            arrivedPerClass.merge(waitlistClass, 1, Integer::sum);
            int ahead = arrivedPerClass.entrySet().stream()
                    .filter(e -> e.getKey().compareTo(waitlistClass) <= 0)
                    .mapToInt(Map.Entry::getValue).sum();
            assertThat(waitlisted.get(referralId))
                    .as("position of %s (%s) among those who arrived before it", referralId, waitlistClass)
                    .isEqualTo(ahead);
        }
    }

    private static WaitlistClass classOf(HoldRequest request) {
        return WaitlistOrder.classOf(request.urgency(), request.contracted());
    }

    private List<JsonNode> ofType(String type) {
        return events.stream().filter(e -> type.equals(e.get("type").asString())).map(e -> e.get("payload")).toList();
    }
}

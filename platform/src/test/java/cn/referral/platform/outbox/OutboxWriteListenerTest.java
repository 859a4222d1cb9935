package cn.referral.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Which MongoDB commands wake the relay: those that append events, never the relay's own claims and pulls. */
class OutboxWriteListenerTest {

    @Test
    void aPushToTheOutboxInAnUpdateOrFindAndModifyAppendsEvents() {
        assertThat(appends("update", """
                {update: "referrals", updates: [{q: {_id: "r1"}, u: {$set: {state: "ACCEPTED"},
                 $push: {outbox: {$each: [{eventId: "e1"}]}}}}]}""")).isTrue();
        assertThat(appends("findAndModify", """
                {findAndModify: "pools", query: {_id: "p1"}, update: {$inc: {held: 1},
                 $push: {outbox: {$each: [{eventId: "e2"}]}, holds: {holdId: "h1"}}}}""")).isTrue();
    }

    @Test
    void anInsertOrReplacementCarryingEventsAppendsThemAnEmptyOutboxDoesNot() {
        assertThat(appends("insert", """
                {insert: "referrals", documents: [{_id: "r1", outbox: []}, {_id: "r2", outbox: [{eventId: "e1"}]}]}"""))
                .isTrue();
        assertThat(appends("update", """
                {update: "referrals", updates: [{q: {_id: "r1"}, u: {_id: "r1", outbox: [{eventId: "e1"}]}}]}"""))
                .isTrue();
        assertThat(appends("insert", """
                {insert: "referrals", documents: [{_id: "r3", outbox: []}]}""")).isFalse();
    }

    @Test
    void theRelaysOwnClaimAndPullDoNotWakeIt() {
        assertThat(appends("findAndModify", """
                {findAndModify: "referrals", query: {"outbox.0": {$exists: true}},
                 update: {$set: {outboxLease: {owner: "relay-1"}}}}""")).isFalse();
        assertThat(appends("update", """
                {update: "referrals", updates: [{q: {_id: "r1"}, u: {$pull: {outbox: {eventId: {$in: ["e1"]}}},
                 $unset: {outboxLease: ""}}}]}""")).isFalse();
    }

    @Test
    void theWakeUpNamesEachDocumentGivenEventsOrNullWhereTheFilterDoesNotNameOne() {
        assertThat(OutboxWriteListener.documentsGivenEvents("insert", BsonDocument.parse("""
                {insert: "referrals", documents: [{_id: "r1", outbox: []}, {_id: "r2", outbox: [{eventId: "e1"}]},
                 {_id: "r3", outbox: [{eventId: "e2"}]}]}"""))).containsExactly("r2", "r3");
        assertThat(OutboxWriteListener.documentsGivenEvents("update", BsonDocument.parse("""
                {update: "pools", updates: [{q: {_id: "p1", revision: 7}, u: {$push: {outbox: {eventId: "e1"}}}},
                 {q: {_id: {$in: ["p2", "p3"]}}, u: {$push: {outbox: {eventId: "e2"}}}}]}""")))
                .containsExactly("p1", null);
        assertThat(OutboxWriteListener.documentsGivenEvents("findAndModify", BsonDocument.parse("""
                {findAndModify: "pools", query: {state: "OPEN"}, update: {$push: {outbox: {eventId: "e3"}}}}""")))
                .containsExactly((Object) null);
    }

    private static boolean appends(String command, String json) {
        return OutboxWriteListener.appendsEvents(command, BsonDocument.parse(json));
    }
}

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

    private static boolean appends(String command, String json) {
        return OutboxWriteListener.appendsEvents(command, BsonDocument.parse(json));
    }
}

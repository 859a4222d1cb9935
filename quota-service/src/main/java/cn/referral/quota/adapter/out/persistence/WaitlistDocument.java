package cn.referral.quota.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

/**
 * One referral waiting for one pool. {@code _id} is pool id + referral id, so a referral joins a
 * pool's waitlist at most once (unique by construction); {@code rank} and {@code seq} are the
 * service order ({@link WaitlistOrder}). The entry is written with its {@code Waitlisted} event in
 * its own outbox; it stays (state {@code PROMOTED}, {@code LEFT} …) after it leaves, so the event is
 * never lost with it and the referral is never waitlisted there again.
 */
@Document(WaitlistDocument.COLLECTION)
record WaitlistDocument(@Id String id, String poolId, String referralId, String urgency, boolean contracted,
                        boolean servedFirst, int rank, long seq, Instant acceptBy, Instant enqueuedAt, String state,
                        String leftBecause, List<OutboxEvent> outbox) {

    static final String COLLECTION = "waitlist";
    static final String WAITING = "WAITING";

    static String idOf(PoolId poolId, ReferralId referralId) {
        return poolId.value() + "|" + referralId.value();
    }

    static WaitlistDocument of(WaitlistEntry entry, List<OutboxEvent> outbox) {
        return new WaitlistDocument(idOf(entry.poolId(), entry.referralId()), entry.poolId().value(),
                entry.referralId().value(), entry.urgency().name(), entry.contracted(), entry.servedFirst(),
                WaitlistOrder.rankOf(entry), entry.seq(), entry.acceptBy(), entry.enqueuedAt(), WAITING, null, outbox);
    }

    WaitlistEntry toDomain() {
        // the stored rank is the class the entry joined in (the pool counts it by that class)
        return new WaitlistEntry(new PoolId(poolId), new ReferralId(referralId), Urgency.valueOf(urgency), contracted,
                WaitlistClass.values()[rank], servedFirst, acceptBy, enqueuedAt, seq);
    }
}

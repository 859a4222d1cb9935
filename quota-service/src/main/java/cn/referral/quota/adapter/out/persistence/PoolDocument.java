package cn.referral.quota.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.quota.domain.pool.Hold;
import cn.referral.quota.domain.pool.HoldStatus;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolKey;
import cn.referral.quota.domain.pool.ReleaseReason;
import cn.referral.quota.domain.pool.ReleasedHold;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.pool.Session;

/**
 * Stored form of a pool: its state, its holds, and the events not yet published, all in one
 * document so that one atomic update changes them together. {@code held}, {@code heldOpen} and
 * {@code greenChannelHeld} repeat what {@code holds} says so that update guards can compare them.
 * Waiting referrals are documents of their own ({@link WaitlistDocument}).
 */
@Document(PoolDocument.COLLECTION)
record PoolDocument(@Id String id, String institutionId, String department, String resource, String date,
                    String session, int capacity, int reserved, Instant sessionStartsAt, int held, int heldOpen,
                    int greenChannelHeld, List<HoldEntry> holds, List<ReleasedEntry> released,
                    Instant reserveReleasedAt, int releasedToPublic, long waitlistSeq, long revision,
                    List<OutboxEvent> outbox) {

    static final String COLLECTION = "pools";

    record HoldEntry(String holdId, String referralId, boolean greenChannel, boolean open, String status,
                     Instant heldAt, Instant expiresAt) {

        static HoldEntry of(Hold hold) {
            return new HoldEntry(hold.holdId().value(), hold.referralId().value(), hold.greenChannel(), hold.open(),
                    hold.status().name(), hold.heldAt(), hold.expiresAt());
        }

        Hold toDomain() {
            return new Hold(new HoldId(holdId), new ReferralId(referralId), greenChannel, open,
                    HoldStatus.valueOf(status), heldAt, expiresAt);
        }
    }

    record ReleasedEntry(HoldEntry hold, String reason, Instant releasedAt) {

        static ReleasedEntry of(ReleasedHold released) {
            return new ReleasedEntry(HoldEntry.of(released.hold()), released.reason().name(), released.releasedAt());
        }

        ReleasedHold toDomain() {
            return new ReleasedHold(hold.toDomain(), ReleaseReason.valueOf(reason), releasedAt);
        }
    }

    static PoolDocument of(Pool pool, List<OutboxEvent> outbox) {
        PoolKey key = pool.key();
        return new PoolDocument(pool.id().value(), key.institutionId().value(), key.department(), key.resource().name(),
                key.date().toString(), key.session().name(), pool.capacity(), pool.reserved(), pool.sessionStartsAt(),
                pool.held(), pool.heldOpen(), pool.greenChannelHeld(), holdEntries(pool), releasedEntries(pool),
                pool.reserveReleasedAt(), pool.releasedToPublic(), pool.waitlistSeq(), pool.revision(), outbox);
    }

    static List<HoldEntry> holdEntries(Pool pool) {
        return pool.holds().stream().map(HoldEntry::of).toList();
    }

    static List<ReleasedEntry> releasedEntries(Pool pool) {
        return pool.released().stream().map(ReleasedEntry::of).toList();
    }

    Pool toDomain() {
        return new Pool(new PoolId(id), new PoolKey(new InstitutionId(institutionId), department,
                Resource.valueOf(resource), LocalDate.parse(date), Session.valueOf(session)), capacity, reserved,
                sessionStartsAt, orEmpty(holds).stream().map(HoldEntry::toDomain).toList(),
                orEmpty(released).stream().map(ReleasedEntry::toDomain).toList(),
                reserveReleasedAt, releasedToPublic, waitlistSeq, revision);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

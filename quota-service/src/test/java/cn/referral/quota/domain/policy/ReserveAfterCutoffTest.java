package cn.referral.quota.domain.policy;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolKey;
import cn.referral.quota.domain.pool.Pools;
import cn.referral.quota.domain.pool.ReserveCutoff;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.pool.Session;

import static cn.referral.quota.domain.pool.Pools.ANY_REFERRAL;
import static cn.referral.quota.domain.pool.Pools.NOW;
import static cn.referral.quota.domain.pool.Pools.aReferral;
import static cn.referral.quota.domain.pool.Pools.anExpertClinic;
import static cn.referral.quota.domain.pool.Pools.held;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13 item 5, as a table: after a pool's reserve cutoff, units nobody booked stay available to
 * URGENT and EMERGENCY referrals until the session starts; a ROUTINE referral is told the truth.
 */
class ReserveAfterCutoffTest {

    private static final ReserveCutoff CUTOFF = new ReserveCutoff(ReserveCutoff.DEFAULT);

    @ParameterizedTest(name = "{0}, cutoff due {1}, reserve handed out {2}, held {3}/2 -> holds {4}")
    @CsvSource({
            // urgency, cutoff due, reserve released, held before, holds a reserved unit
            "ROUTINE,   false, false, 0, true",
            "ROUTINE,   false, false, 2, false",
            "URGENT,    false, false, 0, true",
            "ROUTINE,   true,  false, 0, false",
            "ROUTINE,   true,  true,  0, false",
            "URGENT,    true,  false, 0, true",
            "URGENT,    true,  true,  0, true",
            "URGENT,    true,  true,  1, true",
            "URGENT,    true,  true,  2, false",
            "EMERGENCY, true,  true,  0, true",
            "EMERGENCY, true,  true,  2, false",
    })
    void whoMayHoldAReservedUnitAroundTheCutoff(Urgency urgency, boolean cutoffDue, boolean released, int heldBefore,
                                                boolean holds) {
        Pool pool = anExpertClinic(10, 2);
        for (int i = 0; i < heldBefore; i++) {
            pool = held(pool, aReferral("before-" + i, Urgency.URGENT, false)).state();
        }
        Instant now = cutoffDue ? CUTOFF.cutoffOf(pool).plusSeconds(60) : NOW;
        if (released) {
            pool = pool.releaseReserveAtCutoff(CUTOFF, now).state();
        }

        assertThat(pool.holdReserved(aReferral("r", urgency, false), ANY_REFERRAL, cutoffDue, new HoldId("h"), now)
                .isPresent()).isEqualTo(holds);
    }

    @ParameterizedTest(name = "reserve handed out {0} -> {1}")
    @CsvSource({
            "false, RESERVE_CUTOFF_PASSED, are being handed to the public schedule",
            "true,  RESERVE_RELEASED,      went to the public schedule at",
    })
    void aRoutineReferralAfterTheCutoffIsToldWhatTheCutoffDidAndWhoCanStillHold(boolean released, String reason,
                                                                                 String says) {
        Pool pool = anExpertClinic(10, 2);
        Instant cutoff = CUTOFF.cutoffOf(pool);
        if (released) {
            pool = pool.releaseReserveAtCutoff(CUTOFF, cutoff).state();
        }

        Instant now = cutoff.plusSeconds(60);
        QuotaEvent.Unavailable answer = ReserveAfterCutoff.refusal(new ReferralId("r"), pool, cutoff, now);

        assertThat(answer.reason()).isEqualTo(reason);
        assertThat(answer.occurredAt()).isEqualTo(now);
        assertThat(answer.explanation()).contains(says).contains(cutoff.toString())
                .contains("only URGENT and EMERGENCY referrals").contains(pool.sessionStartsAt().toString());
    }

    @ParameterizedTest(name = "{0} {1}: {2} before the session")
    @CsvSource({
            "na-county-hospital,    INPATIENT_BED, PT12H",
            "na-county-hospital,    EXPERT_CLINIC, PT24H",
            "wz-wmu-first-hospital, INPATIENT_BED, PT24H",
    })
    void theCutoffIsSetPerInstitutionAndResource(String institution, Resource resource, Duration expected) {
        ReserveCutoff cutoff = new ReserveCutoff(Duration.ofHours(24),
                java.util.List.of(new ReserveCutoff.Setting(new InstitutionId("na-county-hospital"),
                        Resource.INPATIENT_BED, Duration.ofHours(12))));
        PoolKey key = new PoolKey(new InstitutionId(institution), "心血管内科", resource, Pools.SESSION_DAY,
                Session.ALL_DAY);

        assertThat(cutoff.beforeSessionOf(key)).isEqualTo(expected);
        assertThat(cutoff.sessionsStartingBefore(NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}

package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.QuotaRuleViolation;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.policy.ReservedShareRule;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import static cn.referral.quota.domain.pool.Pools.ANY_REFERRAL;
import static cn.referral.quota.domain.pool.Pools.NOW;
import static cn.referral.quota.domain.pool.Pools.aReferral;
import static cn.referral.quota.domain.pool.Pools.aRoutineReferral;
import static cn.referral.quota.domain.pool.Pools.anExpertClinic;
import static cn.referral.quota.domain.pool.Pools.held;
import static cn.referral.quota.domain.pool.Pools.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PoolTest {

    @Test
    void aPoolOfFiftyWithNineReservedIsRefusedCitingTheRule() {
        assertThatThrownBy(() -> anExpertClinic(50, 9))
                .isInstanceOf(QuotaRuleViolation.class)
                .hasMessageContaining("预留20%以上").hasMessageContaining("at least 10")
                .extracting(e -> ((QuotaRuleViolation) e).code()).isEqualTo(ReservedShareRule.CODE);
    }

    @Test
    void theSessionStartIsTheMorningOfThePoolDayInChina() {
        assertThat(anExpertClinic(10, 2).sessionStartsAt()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void aHoldTakesAReservedUnitAndExpiresWhenTheReferralMustBeAccepted() {
        HoldRequest referral = aRoutineReferral("r1");

        Outcome<Pool> change = held(anExpertClinic(10, 2), referral);

        assertThat(change.state().held()).isEqualTo(1);
        assertThat(change.state().freeReserve()).isEqualTo(1);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(QuotaEvent.SlotHeld.class, event -> {
            assertThat(event.hold().referralId()).isEqualTo(new ReferralId("r1"));
            assertThat(event.hold().expiresAt()).isEqualTo(referral.acceptBy());
            assertThat(event.hold().greenChannel()).isFalse();
            assertThat(event.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void theStoreIsToldToAddTheHoldUnderTheSameGuardTheDomainChecked() {
        Pool pool = anExpertClinic(10, 2);

        Outcome<Pool> change = held(pool, aRoutineReferral("r1"));

        assertThat(change.write()).isInstanceOfSatisfying(Outcome.Write.AddHold.class, add -> {
            assertThat(add.hold().referralId()).isEqualTo(new ReferralId("r1"));
            assertThat(add.guard()).isEqualTo(new HoldGuard(new ReferralId("r1"),
                    HoldGuard.Limit.WITHIN_UNRELEASED_RESERVE, true, null));
            assertThat(add.guard().admits(pool)).isTrue();
            assertThat(add.guard().admits(change.state())).as("the same referral a second time").isFalse();
        });
    }

    @Test
    void aFullReserveHoldsNobodyMoreAndTheSameReferralIsNeverHeldTwice() {
        Pool full = held(anExpertClinic(5, 1), aRoutineReferral("r1")).state();

        assertThat(full.holdReserved(aRoutineReferral("r2"), ANY_REFERRAL, false, new HoldId("h2"), NOW)).isEmpty();
        assertThat(held(anExpertClinic(10, 2), aRoutineReferral("r1")).state()
                .holdReserved(aRoutineReferral("r1"), ANY_REFERRAL, false, new HoldId("h2"), NOW)).isEmpty();
    }

    @Test
    void anEmergencyBeyondTheReserveGetsAGreenChannelHoldCountedApart() {
        Pool full = held(anExpertClinic(5, 1), aRoutineReferral("r1")).state();

        Outcome<Pool> green = full.holdInGreenChannel(aReferral("e1", Urgency.EMERGENCY, false), new HoldId("h2"), NOW)
                .orElseThrow();

        assertThat(green.state().held()).isEqualTo(1);
        assertThat(green.state().greenChannelHeld()).isEqualTo(1);
        assertThat(((QuotaEvent.SlotHeld) green.events().get(0)).hold().greenChannel()).isTrue();
        assertThat(full.holdInGreenChannel(aReferral("u1", Urgency.URGENT, false), new HoldId("h3"), NOW))
                .as("only emergencies pass the green channel").isEmpty();
    }

    @Test
    void aFreedUnitIsHandedToAWaitingReferralOnceAndNeverToAReleasedOne() {
        Pool full = held(anExpertClinic(5, 1), aRoutineReferral("r1")).state();
        WaitlistEntry contracted = waiting(full, aReferral("contracted", Urgency.ROUTINE, true), 2);
        assertThat(full.handTo(contracted, ANY_REFERRAL, new HoldId("h2"), NOW)).as("nothing free yet").isEmpty();

        Outcome<Pool> released = full.release(new ReferralId("r1"), ReleaseReason.CANCELLED, NOW);
        Outcome<Pool> handedOn = released.state().handTo(contracted, ANY_REFERRAL, new HoldId("h2"), NOW).orElseThrow();

        assertThat(released.events()).singleElement().isInstanceOfSatisfying(QuotaEvent.SlotReleased.class,
                event -> assertThat(event.reason()).isEqualTo(ReleaseReason.CANCELLED));
        assertThat(handedOn.events()).singleElement().isInstanceOfSatisfying(QuotaEvent.SlotHeld.class,
                event -> assertThat(event.hold().referralId()).isEqualTo(new ReferralId("contracted")));
        assertThat(handedOn.state().handTo(contracted, ANY_REFERRAL, new HoldId("h3"), NOW)).as("held once").isEmpty();
        assertThat(released.state().holdReserved(aRoutineReferral("r1"), ANY_REFERRAL, false, new HoldId("h9"), NOW))
                .as("a released referral is never held here again").isEmpty();
    }

    @Test
    void releasingAReferralTwiceOrOneThatWasNeverHeldChangesNothing() {
        Pool held = held(anExpertClinic(10, 2), aRoutineReferral("r1")).state();
        Pool released = held.release(new ReferralId("r1"), ReleaseReason.REJECTED, NOW).state();

        assertThat(released.release(new ReferralId("r1"), ReleaseReason.REJECTED, NOW).changed()).isFalse();
        assertThat(held.release(new ReferralId("stranger"), ReleaseReason.CANCELLED, NOW).changed()).isFalse();
    }

    @Test
    void acceptanceConfirmsTheHoldOnce() {
        Pool held = held(anExpertClinic(10, 2), aRoutineReferral("r1")).state();

        Instant accepted = NOW.plusSeconds(600);
        Outcome<Pool> confirmed = held.confirm(new ReferralId("r1"), accepted);

        assertThat(confirmed.events()).singleElement().isInstanceOfSatisfying(QuotaEvent.SlotConfirmed.class,
                event -> {
                    assertThat(event.occurredAt()).isEqualTo(accepted);
                    assertThat(event.poolRevision()).isEqualTo(held.revision() + 1)
                            .isEqualTo(confirmed.state().revision());
                });
        assertThat(confirmed.state().confirmed()).isEqualTo(1);
        assertThat(confirmed.state().confirm(new ReferralId("r1"), accepted).changed()).isFalse();
    }

    @Test
    void aHoldNotConfirmedByItsDeadlineIsReleasedAsExpiredAConfirmedOneIsNot() {
        HoldRequest late = aRoutineReferral("late");
        Pool pool = held(held(anExpertClinic(10, 2), late).state(), aRoutineReferral("accepted")).state()
                .confirm(new ReferralId("accepted"), NOW).state();
        Instant deadline = late.acceptBy();

        // the ledger releases at `now` what was not confirmed by a deadline passed a grace earlier
        Instant afterTheGrace = deadline.plusSeconds(300);
        assertThat(pool.releaseExpired(deadline.minusSeconds(1), afterTheGrace.minusSeconds(1)).changed()).isFalse();
        Outcome<Pool> expired = pool.releaseExpired(deadline, afterTheGrace);

        assertThat(expired.events()).singleElement().isInstanceOfSatisfying(QuotaEvent.SlotReleased.class, event -> {
            assertThat(event.hold().referralId()).isEqualTo(new ReferralId("late"));
            assertThat(event.reason()).isEqualTo(ReleaseReason.EXPIRED);
            assertThat(event.occurredAt()).isEqualTo(afterTheGrace);
            assertThat(event.poolRevision()).isEqualTo(pool.revision() + 1).isEqualTo(expired.state().revision());
        });
        assertThat(expired.state().held()).isEqualTo(1);
        assertThat(expired.state().releaseExpired(deadline.plusSeconds(3600), deadline.plusSeconds(3900)).changed())
                .as("once").isFalse();
    }

    @Test
    void atTheCutoffTheUnheldReserveGoesPublicOnceAndLaterReleasesFollowIt() {
        ReserveCutoff cutoff = new ReserveCutoff(ReserveCutoff.DEFAULT);
        Pool pool = held(anExpertClinic(20, 4), aRoutineReferral("r1")).state();
        var dayBefore = pool.sessionStartsAt().minus(Duration.ofHours(24));

        assertThat(pool.releaseReserveAtCutoff(cutoff, dayBefore.minusSeconds(1)).changed()).isFalse();
        Outcome<Pool> atCutoff = pool.releaseReserveAtCutoff(cutoff, dayBefore);

        assertThat(atCutoff.events()).singleElement()
                .isEqualTo(new QuotaEvent.ReserveReleased(pool.ref(), 3, pool.revision() + 1, dayBefore));
        assertThat(atCutoff.state().freeReserve()).isZero();
        assertThat(atCutoff.state().releaseReserveAtCutoff(cutoff, dayBefore.plusSeconds(60)).changed()).isFalse();
        Pool lateRelease = atCutoff.state().release(new ReferralId("r1"), ReleaseReason.CANCELLED, dayBefore).state();
        Instant later = dayBefore.plusSeconds(120);
        Outcome<Pool> toPublic = lateRelease.handFreeUnitsToPublic(later);
        assertThat(toPublic.events()).singleElement()
                .isEqualTo(new QuotaEvent.ReserveReleased(pool.ref(), 1, lateRelease.revision() + 1, later));
        assertThat(toPublic.state().releasedToPublic()).isEqualTo(4);
        assertThat(toPublic.state().handFreeUnitsToPublic(later).changed()).isFalse();
    }

    @Test
    void theReserveCannotShrinkBelowWhatIsHeldAndAGrownReserveFreesUnitsToHandOn() {
        Pool full = held(anExpertClinic(5, 1), aRoutineReferral("r1")).state();

        assertThatThrownBy(() -> full.resize(5, 0)).isInstanceOf(QuotaRuleViolation.class);
        Pool three = held(held(held(anExpertClinic(10, 3), aRoutineReferral("a")).state(), aRoutineReferral("b"))
                .state(), aRoutineReferral("c")).state();
        assertThatThrownBy(() -> three.resize(10, 2)).isInstanceOf(PoolStateConflict.class);
        Outcome<Pool> grown = full.resize(5, 2);
        assertThat(grown.state().unitsToHandOn()).isEqualTo(1);
        assertThat(grown.write()).isInstanceOf(Outcome.Write.Replace.class);
    }
}

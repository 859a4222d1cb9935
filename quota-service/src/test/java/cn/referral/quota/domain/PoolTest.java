package cn.referral.quota.domain;

import static cn.referral.quota.domain.Pools.NOW;
import static cn.referral.quota.domain.Pools.aReferral;
import static cn.referral.quota.domain.Pools.aRoutineReferral;
import static cn.referral.quota.domain.Pools.anExpertClinic;
import static cn.referral.quota.domain.Pools.holdIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class PoolTest {

    private final Supplier<String> ids = holdIds();

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

        PoolChange change = anExpertClinic(10, 2).holdReserved(referral, "h1", NOW).orElseThrow();

        assertThat(change.pool().held()).isEqualTo(1);
        assertThat(change.pool().freeReserve()).isEqualTo(1);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(QuotaEvent.SlotHeld.class, held -> {
            assertThat(held.hold().referralId()).isEqualTo("r1");
            assertThat(held.hold().expiresAt()).isEqualTo(referral.acceptBy());
            assertThat(held.hold().greenChannel()).isFalse();
        });
    }

    @Test
    void aFullReserveHoldsNobodyMoreAndTheSameReferralIsNeverHeldTwice() {
        Pool full = anExpertClinic(5, 1).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();

        assertThat(full.holdReserved(aRoutineReferral("r2"), "h2", NOW)).isEmpty();
        assertThat(anExpertClinic(10, 2).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool()
                .holdReserved(aRoutineReferral("r1"), "h2", NOW)).isEmpty();
    }

    @Test
    void anEmergencyBeyondTheReserveGetsAGreenChannelHoldCountedApart() {
        Pool full = anExpertClinic(5, 1).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();

        PoolChange green = full.holdInGreenChannel(aReferral("e1", Urgency.EMERGENCY, false), "h2", NOW)
                .orElseThrow();

        assertThat(green.pool().held()).isEqualTo(1);
        assertThat(green.pool().greenChannelHeld()).isEqualTo(1);
        assertThat(((QuotaEvent.SlotHeld) green.events().get(0)).hold().greenChannel()).isTrue();
        assertThat(full.holdInGreenChannel(aReferral("u1", Urgency.URGENT, false), "h3", NOW))
                .as("only emergencies pass the green channel").isEmpty();
    }

    @Test
    void aReferralJoinsTheWaitlistOfAFullPoolAndIsAnnouncedWithItsPosition() {
        Pool full = anExpertClinic(5, 1).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();
        Pool waiting = full.enqueue(aRoutineReferral("r2"), NOW).orElseThrow().pool()
                .enqueue(aReferral("u1", Urgency.URGENT, false), NOW).orElseThrow().pool();

        PoolChange announced = waiting.announceWaitlisted("u1").orElseThrow();

        assertThat(announced.events()).singleElement().isEqualTo(new QuotaEvent.Waitlisted(waiting.ref(), "u1", 1));
        assertThat(announced.pool().announceWaitlisted("u1")).as("announced once").isEmpty();
        assertThat(waiting.enqueue(aRoutineReferral("r2"), NOW)).as("waits once").isEmpty();
        assertThat(anExpertClinic(10, 2).enqueue(aRoutineReferral("r9"), NOW)).as("free reserve: no wait").isEmpty();
    }

    @Test
    void aReleasedUnitGoesAtOnceToTheFirstWaitingReferralInServiceOrder() {
        Pool full = anExpertClinic(5, 1).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();
        Pool waiting = full.enqueue(aRoutineReferral("routine"), NOW).orElseThrow().pool()
                .enqueue(aReferral("contracted", Urgency.ROUTINE, true), NOW).orElseThrow().pool();

        PoolChange released = waiting.release("r1", ReleaseReason.CANCELLED, NOW, ids);

        assertThat(released.events()).hasSize(2);
        assertThat(released.events().get(0)).isInstanceOfSatisfying(QuotaEvent.SlotReleased.class,
                event -> assertThat(event.reason()).isEqualTo(ReleaseReason.CANCELLED));
        assertThat(released.events().get(1)).isInstanceOfSatisfying(QuotaEvent.SlotHeld.class,
                event -> assertThat(event.hold().referralId()).isEqualTo("contracted"));
        assertThat(released.pool().held()).isEqualTo(1);
        assertThat(released.pool().waitlist()).extracting(WaitlistEntry::referralId).containsExactly("routine");
        assertThat(released.pool().holdReserved(aRoutineReferral("r1"), "h9", NOW))
                .as("a released referral is never held here again").isEmpty();
    }

    @Test
    void releasingAReferralTwiceOrOneThatWasNeverHeldChangesNothing() {
        Pool held = anExpertClinic(10, 2).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();
        Pool released = held.release("r1", ReleaseReason.REJECTED, NOW, ids).pool();

        assertThat(released.release("r1", ReleaseReason.REJECTED, NOW, ids).changed()).isFalse();
        assertThat(held.release("stranger", ReleaseReason.CANCELLED, NOW, ids).changed()).isFalse();
    }

    @Test
    void aWaitingReferralThatIsCancelledLeavesTheWaitlistQuietly() {
        Pool full = anExpertClinic(5, 1).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();
        Pool waiting = full.enqueue(aRoutineReferral("r2"), NOW).orElseThrow().pool();

        PoolChange cancelled = waiting.release("r2", ReleaseReason.CANCELLED, NOW, ids);

        assertThat(cancelled.changed()).isTrue();
        assertThat(cancelled.events()).isEmpty();
        assertThat(cancelled.pool().waitlist()).isEmpty();
    }

    @Test
    void acceptanceConfirmsTheHoldOnce() {
        Pool held = anExpertClinic(10, 2).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();

        PoolChange confirmed = held.confirm("r1");

        assertThat(confirmed.events()).singleElement().isInstanceOf(QuotaEvent.SlotConfirmed.class);
        assertThat(confirmed.pool().confirmed()).isEqualTo(1);
        assertThat(confirmed.pool().confirm("r1").changed()).isFalse();
    }

    @Test
    void atTheCutoffTheUnheldReserveGoesPublicOnceAndLaterReleasesFollowIt() {
        ReserveCutoff cutoff = new ReserveCutoff(ReserveCutoff.DEFAULT);
        Pool pool = anExpertClinic(20, 4).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();
        var dayBefore = pool.sessionStartsAt().minus(Duration.ofHours(24));

        assertThat(pool.releaseReserveAtCutoff(cutoff, dayBefore.minusSeconds(1)).changed()).isFalse();
        PoolChange atCutoff = pool.releaseReserveAtCutoff(cutoff, dayBefore);

        assertThat(atCutoff.events()).singleElement().isEqualTo(new QuotaEvent.ReserveReleased(pool.ref(), 3));
        assertThat(atCutoff.pool().freeReserve()).isZero();
        assertThat(atCutoff.pool().releaseReserveAtCutoff(cutoff, dayBefore.plusSeconds(60)).changed()).isFalse();
        PoolChange lateRelease = atCutoff.pool().release("r1", ReleaseReason.CANCELLED, dayBefore, ids);
        assertThat(lateRelease.events()).last().isEqualTo(new QuotaEvent.ReserveReleased(pool.ref(), 1));
        assertThat(lateRelease.pool().releasedToPublic()).isEqualTo(4);
    }

    @Test
    void theReserveCannotShrinkBelowWhatIsHeldAndAGrownReserveServesTheWaitlist() {
        Pool full = anExpertClinic(5, 1).holdReserved(aRoutineReferral("r1"), "h1", NOW).orElseThrow().pool();
        Pool waiting = full.enqueue(aRoutineReferral("r2"), NOW).orElseThrow().pool();

        assertThatThrownBy(() -> waiting.resize(5, 0, NOW, ids)).isInstanceOf(QuotaRuleViolation.class);
        assertThatThrownBy(() -> anExpertClinic(10, 3).holdReserved(aRoutineReferral("a"), "h", NOW).orElseThrow()
                .pool().holdReserved(aRoutineReferral("b"), "i", NOW).orElseThrow().pool()
                .holdReserved(aRoutineReferral("c"), "j", NOW).orElseThrow().pool().resize(10, 2, NOW, ids))
                .isInstanceOf(PoolStateConflict.class);
        PoolChange grown = waiting.resize(5, 2, NOW, ids);
        assertThat(grown.pool().held()).isEqualTo(2);
        assertThat(grown.pool().waitlist()).isEmpty();
    }
}

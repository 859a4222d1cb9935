package cn.referral.referral.domain.referral;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;

import static cn.referral.referral.domain.referral.ReferralFixtures.HOSPITAL_DESK;
import static cn.referral.referral.domain.referral.ReferralFixtures.HOSPITAL_DOCTOR;
import static cn.referral.referral.domain.referral.ReferralFixtures.NOW;
import static cn.referral.referral.domain.referral.ReferralFixtures.NO_SHOW;
import static cn.referral.referral.domain.referral.ReferralFixtures.PRIMARY_DOCTOR;
import static cn.referral.referral.domain.referral.ReferralFixtures.aHeldReferral;
import static cn.referral.referral.domain.referral.ReferralFixtures.aHold;
import static cn.referral.referral.domain.referral.ReferralFixtures.aSubmittedUpReferral;
import static cn.referral.referral.domain.referral.ReferralFixtures.anAcceptedReferral;
import static cn.referral.referral.domain.referral.ReferralFixtures.anArrivedReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralTransitionsTest {

    private static final Instant LATER = NOW.plusSeconds(7200);

    @Nested
    class Submission {

        @Test
        void aNewReferralIsSubmittedWithItsAcceptanceDeadlineAndOneEvent() {
            Outcome<Referral> submitted = Referral.submit(new ReferralId("r-9"), ReferralFixtures.anUpRequest(Urgency.URGENT),
                    ReferralFixtures.inCatalog(), false, PRIMARY_DOCTOR, NOW,
                    cn.referral.referral.domain.policy.AcceptanceDeadlines.defaults());

            Referral referral = submitted.state();
            assertThat(referral.state()).isEqualTo(ReferralState.SUBMITTED);
            assertThat(referral.version()).isEqualTo(1);
            assertThat(referral.deadlines().escalateAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
            assertThat(referral.deadlines().acceptBy()).isEqualTo(NOW.plus(Duration.ofHours(4)));
            assertThat(submitted.events()).containsExactly(
                    new ReferralEvent.Submitted(NOW, 1, NOW.plus(Duration.ofHours(4))));
            assertThat(referral.history()).singleElement().satisfies(line -> {
                assertThat(line.actorId()).isEqualTo("dr-chen");
                assertThat(line.role()).isEqualTo(ActorRole.PRIMARY_DOCTOR);
                assertThat(line.from()).isNull();
                assertThat(line.to()).isEqualTo(ReferralState.SUBMITTED);
            });
        }
    }

    @Nested
    class Acceptance {

        @Test
        void theDeskAcceptsAHeldReferralWithAnAppointmentAndTheNoShowDeadlineFollowsIt() {
            Referral held = aHeldReferral();
            Instant appointment = NOW.plus(Duration.ofDays(2));

            Outcome<Referral> accepted = held.accept(NO_SHOW.appointmentAt(appointment), HOSPITAL_DESK, LATER);

            assertThat(accepted.state().state()).isEqualTo(ReferralState.ACCEPTED);
            assertThat(accepted.state().acceptedAt()).isEqualTo(LATER);
            assertThat(accepted.state().version()).isEqualTo(held.version() + 1);
            assertThat(accepted.state().nextDeadline()).isEqualTo(appointment.plus(Duration.ofHours(2)));
            assertThat(accepted.events()).containsExactly(
                    new ReferralEvent.Accepted(LATER, held.version() + 1, appointment));
            HistoryEntry last = accepted.state().history().get(accepted.state().history().size() - 1);
            assertThat(last).isEqualTo(new HistoryEntry(LATER, "desk-wang", ActorRole.REFERRAL_DESK,
                    ReferralFixtures.CITY_HOSPITAL.value(), HistoryAction.ACCEPT, ReferralState.SLOT_HELD, ReferralState.ACCEPTED,
                    "appointment " + appointment));
        }

        @Test
        void aSubmittedOrWaitlistedReferralCanBeAcceptedToo() {
            Referral waitlisted = aSubmittedUpReferral().waitlisted(new PoolId("pool-1"), 3, NOW).state();
            assertThat(waitlisted.state()).isEqualTo(ReferralState.WAITLISTED);
            assertThat(waitlisted.accept(NO_SHOW.appointmentAt(LATER), HOSPITAL_DESK, NOW).state().state())
                    .isEqualTo(ReferralState.ACCEPTED);
            assertThat(aSubmittedUpReferral().accept(NO_SHOW.appointmentAt(LATER), HOSPITAL_DESK, NOW).state().state())
                    .isEqualTo(ReferralState.ACCEPTED);
        }

        @Test
        void anOverdueReferralCannotBeAcceptedEvenBeforeTheTimerExpiresIt() {
            Referral held = aHeldReferral();
            Instant deadline = held.deadlines().acceptBy();

            assertThatThrownBy(() -> held.accept(NO_SHOW.appointmentAt(deadline.plusSeconds(86400)), HOSPITAL_DESK,
                    deadline))
                    .isInstanceOf(ReferralRuleViolation.class)
                    .extracting(e -> ((ReferralRuleViolation) e).code()).isEqualTo("acceptance-deadline-passed");
            assertThat(ReferralPermissions.allowedActions(held, HOSPITAL_DESK, deadline)).doesNotContain(Action.ACCEPT)
                    .contains(Action.REJECT);
            assertThat(held.accept(NO_SHOW.appointmentAt(deadline.plusSeconds(86400)), HOSPITAL_DESK,
                    deadline.minusSeconds(1)).state().state()).isEqualTo(ReferralState.ACCEPTED);
        }

        @Test
        void anAppointmentInThePastIsRefused() {
            assertThatThrownBy(() -> aHeldReferral().accept(NO_SHOW.appointmentAt(NOW.minusSeconds(60)), HOSPITAL_DESK, NOW))
                    .isInstanceOf(ReferralRuleViolation.class)
                    .extracting(e -> ((ReferralRuleViolation) e).code()).isEqualTo("appointment-in-past");
        }

        @Test
        void theDeskRejectsWithACodedReason() {
            Outcome<Referral> rejected = aHeldReferral().reject(RejectReason.NEEDS_DIFFERENT_DEPARTMENT, "心内科更合适",
                    HOSPITAL_DESK, LATER);

            assertThat(rejected.state().state()).isEqualTo(ReferralState.REJECTED);
            assertThat(rejected.state().rejectReason()).isEqualTo(RejectReason.NEEDS_DIFFERENT_DEPARTMENT);
            assertThat(rejected.state().nextDeadline()).isNull();
            assertThat(rejected.events()).singleElement().isInstanceOf(ReferralEvent.Rejected.class);
        }
    }

    @Nested
    class TheVisit {

        @Test
        void arrivalThenCompletionClosesTheLoopWithAnOutcomeForTheReferringDoctor() {
            Outcome<Referral> arrived = anAcceptedReferral().recordArrival(HOSPITAL_DESK, LATER);
            assertThat(arrived.state().state()).isEqualTo(ReferralState.ARRIVED);
            assertThat(arrived.events()).containsExactly(new ReferralEvent.Arrived(LATER, arrived.state().version()));

            Outcome<Referral> completed = arrived.state().complete(TreatmentOutcome.IMPROVED, "溶栓后好转, 建议下转康复",
                    true, HOSPITAL_DOCTOR, LATER.plusSeconds(86400));

            assertThat(completed.state().state()).isEqualTo(ReferralState.COMPLETED);
            assertThat(completed.state().completion().downReferralRecommended()).isTrue();
            assertThat(completed.state().completion().summary()).contains("下转康复");
            assertThat(completed.events()).containsExactly(new ReferralEvent.Completed(LATER.plusSeconds(86400),
                    completed.state().version(), TreatmentOutcome.IMPROVED, true));
        }

        @Test
        void aCompletionWithoutSummaryDoesNotCloseTheLoop() {
            assertThatThrownBy(() -> anArrivedReferral().complete(TreatmentOutcome.STABLE, " ", false, HOSPITAL_DOCTOR, LATER))
                    .isInstanceOf(ReferralRuleViolation.class);
        }

        @Test
        void theDeskRecordsANoShowOnlyAfterTheAppointmentBegan() {
            Referral accepted = anAcceptedReferral();
            Instant appointment = accepted.appointment().at();

            assertThatThrownBy(() -> accepted.recordNoShow(HOSPITAL_DESK, appointment.minusSeconds(60)))
                    .isInstanceOf(ReferralRuleViolation.class);
            Outcome<Referral> missed = accepted.recordNoShow(HOSPITAL_DESK, appointment.plusSeconds(60));
            assertThat(missed.state().state()).isEqualTo(ReferralState.NO_SHOW);
            assertThat(missed.events()).containsExactly(new ReferralEvent.NoShow(appointment.plusSeconds(60),
                    missed.state().version(), appointment));
        }

        @Test
        void theReferrerCancelsBeforeArrivalEvenAfterAcceptance() {
            Outcome<Referral> cancelled = anAcceptedReferral().cancel(CancelReason.PATIENT_DECLINED, PRIMARY_DOCTOR, LATER);
            assertThat(cancelled.state().state()).isEqualTo(ReferralState.CANCELLED);
            assertThat(cancelled.events()).containsExactly(new ReferralEvent.Cancelled(LATER,
                    cancelled.state().version(), CancelReason.PATIENT_DECLINED));
        }
    }

    @Nested
    class IllegalTransitions {

        static Stream<Arguments> illegal() {
            Function<Referral, Object> accept = r -> r.accept(NO_SHOW.appointmentAt(LATER.plusSeconds(86400 * 10L)),
                    HOSPITAL_DESK, LATER);
            Function<Referral, Object> reject = r -> r.reject(RejectReason.NO_CAPACITY, null, HOSPITAL_DESK, LATER);
            Function<Referral, Object> cancel = r -> r.cancel(CancelReason.DUPLICATE, PRIMARY_DOCTOR, LATER);
            Function<Referral, Object> arrive = r -> r.recordArrival(HOSPITAL_DESK, LATER);
            Function<Referral, Object> noShow = r -> r.recordNoShow(HOSPITAL_DESK, LATER);
            Function<Referral, Object> complete = r -> r.complete(TreatmentOutcome.STABLE, "ok", false, HOSPITAL_DOCTOR,
                    LATER);
            Referral rejected = aHeldReferral().reject(RejectReason.NO_CAPACITY, null, HOSPITAL_DESK, LATER).state();
            Referral cancelled = aHeldReferral().cancel(CancelReason.DUPLICATE, PRIMARY_DOCTOR, LATER).state();
            Referral expired = aSubmittedUpReferral().deadlinesPassed(NOW.plus(Duration.ofDays(3))).state();
            Referral completed = anArrivedReferral().complete(TreatmentOutcome.STABLE, "ok", false, HOSPITAL_DOCTOR,
                    LATER).state();
            return Stream.of(
                    Arguments.of("accept", "accepted", anAcceptedReferral(), accept),
                    Arguments.of("accept", "rejected", rejected, accept),
                    Arguments.of("accept", "cancelled", cancelled, accept),
                    Arguments.of("accept", "expired", expired, accept),
                    Arguments.of("reject", "accepted", anAcceptedReferral(), reject),
                    Arguments.of("reject", "completed", completed, reject),
                    Arguments.of("cancel", "arrived", anArrivedReferral(), cancel),
                    Arguments.of("cancel", "rejected", rejected, cancel),
                    Arguments.of("arrive", "submitted", aSubmittedUpReferral(), arrive),
                    Arguments.of("arrive", "cancelled", cancelled, arrive),
                    Arguments.of("no-show", "held", aHeldReferral(), noShow),
                    Arguments.of("no-show", "arrived", anArrivedReferral(), noShow),
                    Arguments.of("complete", "accepted", anAcceptedReferral(), complete),
                    Arguments.of("complete", "completed", completed, complete));
        }

        @ParameterizedTest(name = "{0} a referral that is {1}")
        @MethodSource("illegal")
        void isADomainErrorWithAStableCodeAndTheCurrentState(String action, String stateName, Referral referral,
                                                               Function<Referral, Object> transition) {
            assertThatThrownBy(() -> transition.apply(referral))
                    .isInstanceOfSatisfying(IllegalTransition.class, illegal -> {
                        assertThat(illegal.code()).isEqualTo("illegal-transition");
                        assertThat(illegal.state()).isEqualTo(referral.state());
                    });
        }
    }

    @Nested
    class Deadlines {

        @Test
        void nothingHappensBeforeTheEscalationTime() {
            Referral submitted = aSubmittedUpReferral();
            Outcome<Referral> early = submitted.deadlinesPassed(NOW.plus(Duration.ofHours(23)));
            assertThat(early.changed()).isFalse();
            assertThat(early.state()).isSameAs(submitted);
        }

        @Test
        void aRoutineReferralIsEscalatedAt24HoursAndExpiresAt48() {
            Referral submitted = aSubmittedUpReferral();
            assertThat(submitted.nextDeadline()).isEqualTo(NOW.plus(Duration.ofHours(24)));

            Outcome<Referral> escalated = submitted.deadlinesPassed(NOW.plus(Duration.ofHours(24)));
            assertThat(escalated.state().state()).isEqualTo(ReferralState.SUBMITTED);
            assertThat(escalated.state().deadlines().escalated()).isTrue();
            assertThat(escalated.events()).containsExactly(new ReferralEvent.Escalated(NOW.plus(Duration.ofHours(24)),
                    2, NOW.plus(Duration.ofHours(48))));
            assertThat(escalated.state().nextDeadline()).isEqualTo(NOW.plus(Duration.ofHours(48)));

            assertThat(escalated.state().deadlinesPassed(NOW.plus(Duration.ofHours(30))).changed()).isFalse();
            Outcome<Referral> expired = escalated.state().deadlinesPassed(NOW.plus(Duration.ofHours(48)));
            assertThat(expired.state().state()).isEqualTo(ReferralState.EXPIRED);
            assertThat(expired.events()).containsExactly(new ReferralEvent.Expired(NOW.plus(Duration.ofHours(48)), 3));
            assertThat(expired.state().nextDeadline()).isNull();
        }

        @Test
        void anEmergencyEscalatesAfter10MinutesAndExpiresAfter30() {
            Referral emergency = aSubmittedUpReferral(Urgency.EMERGENCY);
            assertThat(emergency.deadlines().escalateAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
            Outcome<Referral> both = emergency.deadlinesPassed(NOW.plus(Duration.ofMinutes(31)));
            assertThat(both.state().state()).isEqualTo(ReferralState.EXPIRED);
            assertThat(both.events()).hasSize(2).first().isInstanceOf(ReferralEvent.Escalated.class);
        }

        @Test
        void anAcceptedPatientNotArrivedTwoHoursAfterTheAppointmentIsANoShow() {
            Referral accepted = anAcceptedReferral();
            Instant appointment = accepted.appointment().at();
            assertThat(accepted.deadlinesPassed(appointment.plus(Duration.ofMinutes(119))).changed()).isFalse();
            Outcome<Referral> missed = accepted.deadlinesPassed(appointment.plus(Duration.ofHours(2)));
            assertThat(missed.state().state()).isEqualTo(ReferralState.NO_SHOW);
            assertThat(missed.events()).singleElement().isInstanceOf(ReferralEvent.NoShow.class);
            assertThat(missed.state().history().get(missed.state().history().size() - 1).role())
                    .isEqualTo(ActorRole.SYSTEM);
        }

        @Test
        void anArrivedPatientHasNoDeadlineLeft() {
            assertThat(anArrivedReferral().nextDeadline()).isNull();
            assertThat(anArrivedReferral().deadlinesPassed(NOW.plus(Duration.ofDays(30))).changed()).isFalse();
        }
    }

    @Nested
    class QuotaAnswers {

        @Test
        void aHeldSlotMovesTheReferralToSlotHeldOnce() {
            Referral submitted = aSubmittedUpReferral();
            Outcome<Referral> held = submitted.slotHeld(aHold(), NOW);
            assertThat(held.state().state()).isEqualTo(ReferralState.SLOT_HELD);
            assertThat(held.state().slot().state()).isEqualTo(QuotaState.HELD);
            assertThat(held.events()).isEmpty();

            Outcome<Referral> again = held.state().slotHeld(aHold(), NOW.plusSeconds(1));
            assertThat(again.changed()).isFalse();
        }

        @Test
        void aHoldArrivingAfterACancelDoesNotResurrectTheReferralButIsWrittenDown() {
            Referral cancelled = aSubmittedUpReferral().cancel(CancelReason.PATIENT_DECLINED, PRIMARY_DOCTOR, NOW).state();
            Outcome<Referral> late = cancelled.slotHeld(aHold(), LATER);
            assertThat(late.state().state()).isEqualTo(ReferralState.CANCELLED);
            assertThat(late.events()).isEmpty();
            assertThat(late.state().history().get(late.state().history().size() - 1).action())
                    .isEqualTo(HistoryAction.SLOT_HELD_IGNORED);
        }

        @Test
        void unavailableKeepsTheReferralSubmittedButFlagged() {
            Outcome<Referral> flagged = aSubmittedUpReferral().slotUnavailable("no pool for 神经内科", NOW);
            assertThat(flagged.state().state()).isEqualTo(ReferralState.SUBMITTED);
            assertThat(flagged.state().slot().state()).isEqualTo(QuotaState.UNAVAILABLE);
            assertThat(flagged.state().slot().reason()).isEqualTo("no pool for 神经内科");
        }

        @Test
        void aReleasedHoldSendsAnUndecidedReferralBackToSubmitted() {
            Outcome<Referral> released = aHeldReferral().slotReleased(new HoldId("hold-1"), "EXPIRED", LATER);
            assertThat(released.state().state()).isEqualTo(ReferralState.SUBMITTED);
            assertThat(released.state().slot().state()).isEqualTo(QuotaState.RELEASED);
        }

        @Test
        void aHoldArrivingAfterTheAcceptanceIsKeptAndItsConfirmationFollows() {
            // quota placed the referral after the desk accepted it (or handed it a unit as it was accepted off the
            // waitlist): it confirms that hold on the accepted event, so slot-held then slot-confirmed arrive late
            Referral accepted = aSubmittedUpReferral().waitlisted(new PoolId("pool-1"), 2, NOW).state()
                    .accept(NO_SHOW.appointmentAt(LATER), HOSPITAL_DESK, NOW.plusSeconds(60)).state();

            Outcome<Referral> held = accepted.slotHeld(aHold(), NOW.plusSeconds(61));
            assertThat(held.state().state()).isEqualTo(ReferralState.ACCEPTED);
            assertThat(held.state().slot().state()).isEqualTo(QuotaState.HELD);
            assertThat(held.state().slot().date()).isEqualTo(aHold().date());
            assertThat(held.events()).isEmpty();

            Referral confirmed = held.state().slotConfirmed(aHold().holdId(), NOW.plusSeconds(62)).state();
            assertThat(confirmed.slot().state()).isEqualTo(QuotaState.CONFIRMED);
            assertThat(confirmed.state()).isEqualTo(ReferralState.ACCEPTED);
        }

        @Test
        void aWaitlistedReferralMovesUpWhenItsSlotIsHeld() {
            Referral waitlisted = aSubmittedUpReferral().waitlisted(new PoolId("pool-1"), 2, NOW).state();
            assertThat(waitlisted.slotHeld(aHold(), LATER).state().state()).isEqualTo(ReferralState.SLOT_HELD);
        }
    }
}

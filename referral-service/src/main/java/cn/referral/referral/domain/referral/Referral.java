package cn.referral.referral.domain.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.domain.policy.AcceptanceDeadlines;

/**
 * A referral of one patient from one institution to another, and everything that happened to it.
 * Every state change is a method here: it checks the state, returns the new referral with the
 * events it caused, appends a history line and bumps the version.
 *
 * @param receivedFirst decided at submission: the receiving desk takes it first within its urgency
 *                      ({@code ContractedFirstReception}, seed 001)
 */
public record Referral(ReferralId id, ReferralRequest request, String referringDoctorId, boolean contracted,
                       Eligibility eligibility, ReferralState state, Deadlines deadlines, SlotStatus slot,
                       Appointment appointment, RejectReason rejectReason, String rejectNote,
                       CancelReason cancelReason, Completion completion, Instant submittedAt, Instant acceptedAt,
                       Instant arrivedAt, Instant closedAt, List<HistoryEntry> history, long version,
                       ReferralPath path, ReferralId downReferralId, boolean receivedFirst) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deadlines, "deadlines");
        slot = slot == null ? SlotStatus.pending() : slot;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A referral stored before its path was recorded, with no down-referral linked. */
    public Referral(ReferralId id, ReferralRequest request, String referringDoctorId, boolean contracted,
                    Eligibility eligibility, ReferralState state, Deadlines deadlines, SlotStatus slot,
                    Appointment appointment, RejectReason rejectReason, String rejectNote, CancelReason cancelReason,
                    Completion completion, Instant submittedAt, Instant acceptedAt, Instant arrivedAt, Instant closedAt,
                    List<HistoryEntry> history, long version) {
        this(id, request, referringDoctorId, contracted, eligibility, state, deadlines, slot, appointment, rejectReason,
                rejectNote, cancelReason, completion, submittedAt, acceptedAt, arrivedAt, closedAt, history, version,
                null, null, false);
    }

    // ---- creation

    public static Outcome<Referral> submit(ReferralId id, ReferralRequest request, Eligibility eligibility,
                                           boolean contracted, Actor by, Instant now, AcceptanceDeadlines sla) {
        return submit(id, request, eligibility, contracted, null, by, now, sla);
    }

    /** A new referral, with where it goes in the network ({@code path}) fixed for the reports. */
    public static Outcome<Referral> submit(ReferralId id, ReferralRequest request, Eligibility eligibility,
                                           boolean contracted, ReferralPath path, Actor by, Instant now,
                                           AcceptanceDeadlines sla) {
        return submit(id, request, eligibility, contracted, path, false, by, now, sla);
    }

    /** A new referral, with its path and whether the receiving desk takes it first within its urgency. */
    public static Outcome<Referral> submit(ReferralId id, ReferralRequest request, Eligibility eligibility,
                                           boolean contracted, ReferralPath path, boolean receivedFirst, Actor by,
                                           Instant now, AcceptanceDeadlines sla) {
        Deadlines deadlines = sla.forSubmission(request.urgency(), now);
        String why = eligibility.inCatalog() ? "in catalog " + eligibility.catalogId()
                : "outside catalog, override: " + eligibility.overrideReason();
        Referral referral = new Referral(id, request, by.userId(), contracted, eligibility, ReferralState.SUBMITTED,
                deadlines, SlotStatus.pending(), null, null, null, null, null, now, null, null, null,
                List.of(HistoryEntry.of(by, now, HistoryAction.SUBMIT, null, ReferralState.SUBMITTED, why)), 1, path,
                null, receivedFirst);
        return Outcome.of(referral, List.of(new ReferralEvent.Submitted(now, 1, deadlines.acceptBy())));
    }

    // ---- the target's decision

    /**
     * The target accepts and schedules. Not after the acceptance deadline: an overdue referral is
     * expired by the SLA timer, and the timer may run late; the deadline, not the timer, decides.
     */
    public Outcome<Referral> accept(Appointment at, Actor by, Instant now) {
        requireAwaitingAcceptance(Action.ACCEPT);
        if (isOverdue(now)) {
            throw new ReferralRuleViolation("acceptance-deadline-passed", "the referral had to be accepted by "
                    + deadlines.acceptBy() + "; it expires and the referring side may refer again");
        }
        if (at.at().isBefore(now)) {
            throw new ReferralRuleViolation("appointment-in-past", "appointmentAt", "must not be in the past");
        }
        Referral accepted = change(by, now, HistoryAction.ACCEPT, ReferralState.ACCEPTED, "appointment " + at.at())
                .appointment(at).acceptedAt(now).build();
        return Outcome.of(accepted, List.of(new ReferralEvent.Accepted(now, accepted.version, at.at())));
    }

    /** Whether its acceptance deadline has passed (at the deadline itself it is overdue). */
    public boolean isOverdue(Instant now) {
        return !now.isBefore(deadlines.acceptBy());
    }

    public Outcome<Referral> reject(RejectReason reason, String note, Actor by, Instant now) {
        Objects.requireNonNull(reason, "reason");
        requireAwaitingAcceptance(Action.REJECT);
        Referral rejected = change(by, now, HistoryAction.REJECT, ReferralState.REJECTED,
                reason + (note == null ? "" : ": " + note))
                .rejected(reason, note).closedAt(now).build();
        return Outcome.of(rejected, List.of(new ReferralEvent.Rejected(now, rejected.version, reason, note)));
    }

    /** The referring side withdraws the referral, before or after acceptance but before arrival. */
    public Outcome<Referral> cancel(CancelReason reason, Actor by, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (!state.awaitsAcceptance() && state != ReferralState.ACCEPTED) {
            throw new IllegalTransition(Action.CANCEL, state, null);
        }
        Referral cancelled = change(by, now, HistoryAction.CANCEL, ReferralState.CANCELLED, reason.name())
                .cancelled(reason).closedAt(now).build();
        return Outcome.of(cancelled, List.of(new ReferralEvent.Cancelled(now, cancelled.version, reason)));
    }

    // ---- the visit

    public Outcome<Referral> recordArrival(Actor by, Instant now) {
        require(Action.RECORD_ARRIVAL, ReferralState.ACCEPTED);
        Referral arrived = change(by, now, HistoryAction.RECORD_ARRIVAL, ReferralState.ARRIVED, null)
                .arrivedAt(now).build();
        return Outcome.of(arrived, List.of(new ReferralEvent.Arrived(now, arrived.version)));
    }

    /** The desk records a no-show by hand; the timer does it {@link #deadlinesPassed at the no-show deadline}. */
    public Outcome<Referral> recordNoShow(Actor by, Instant now) {
        require(Action.RECORD_NO_SHOW, ReferralState.ACCEPTED);
        if (now.isBefore(appointment.at())) {
            throw new ReferralRuleViolation("appointment-not-yet",
                    "The appointment at " + appointment.at() + " has not begun: a no-show can only be recorded after it");
        }
        return noShow(by, now);
    }

    private Outcome<Referral> noShow(Actor by, Instant now) {
        Referral missed = change(by, now, HistoryAction.NO_SHOW, ReferralState.NO_SHOW,
                "not arrived by " + appointment.noShowAfter())
                .closedAt(now).build();
        return Outcome.of(missed, List.of(new ReferralEvent.NoShow(now, missed.version, appointment.at())));
    }

    /** Closes the loop: the outcome goes back to the referring doctor, maybe with a down-referral recommendation. */
    public Outcome<Referral> complete(TreatmentOutcome outcome, String summary, boolean downReferralRecommended,
                                      Actor by, Instant now) {
        require(Action.COMPLETE, ReferralState.ARRIVED);
        Completion completion = new Completion(outcome, summary, downReferralRecommended, by.userId(), now);
        Referral completed = change(by, now, HistoryAction.COMPLETE, ReferralState.COMPLETED,
                outcome + (downReferralRecommended ? ", down-referral recommended" : ""))
                .completion(completion).closedAt(now).build();
        return Outcome.of(completed, List.of(new ReferralEvent.Completed(now, completed.version, outcome,
                downReferralRecommended)));
    }

    /**
     * The hospital sent the patient back down after this up-referral's treatment (the closed loop, seed
     * 002: “跟踪转诊患者治疗过程，做好接续服务”): the up-referral names its down-referral, and leaves the
     * hospital's list of pending down-referrals. Linking the same down-referral again changes nothing.
     */
    public Outcome<Referral> linkDownReferral(ReferralId downReferral, Actor by, Instant now) {
        Objects.requireNonNull(downReferral, "downReferral");
        if (downReferral.equals(downReferralId)) {
            return Outcome.unchanged(this);
        }
        if (!awaitsDownReferral()) {
            throw new ReferralRuleViolation("no-down-referral-pending", "upReferralId", "referral " + id
                    + " is not a completed up-referral whose doctor recommended going back down"
                    + (downReferralId == null ? "" : ", or it already continues as " + downReferralId));
        }
        Builder linked = change(by, now, HistoryAction.DOWN_REFERRAL_SUBMITTED, state, "continues as " + downReferral);
        linked.downReferralId = downReferral;
        return Outcome.of(linked.build(), List.of());
    }

    /** A completed up-referral whose doctor recommended going back down, with no down-referral yet. */
    public boolean awaitsDownReferral() {
        return direction() == Direction.UP && state == ReferralState.COMPLETED && completion != null
                && completion.downReferralRecommended() && downReferralId == null;
    }

    // ---- timers

    /** The next stored deadline the SLA scheduler must look at, or {@code null} when none is left. */
    public Instant nextDeadline() {
        if (state.awaitsAcceptance()) {
            return deadlines.escalated() ? deadlines.acceptBy() : deadlines.escalateAt();
        }
        if (state == ReferralState.ACCEPTED) {
            return appointment.noShowAfter();
        }
        return null;
    }

    /**
     * Applies every deadline that has passed at {@code now}: escalation, then expiry of an
     * undecided referral; no-show of an accepted one. Nothing due, nothing changes.
     */
    public Outcome<Referral> deadlinesPassed(Instant now) {
        List<ReferralEvent> events = new ArrayList<>();
        Referral current = this;
        if (current.state.awaitsAcceptance() && !current.deadlines.escalated()
                && !now.isBefore(current.deadlines.escalateAt())) {
            current = current.change(Actor.SYSTEM, now, HistoryAction.ESCALATE, current.state,
                    "not accepted by " + current.deadlines.escalateAt()).deadlines(current.deadlines.markEscalated()).build();
            events.add(new ReferralEvent.Escalated(now, current.version, current.deadlines.acceptBy()));
        }
        if (current.state.awaitsAcceptance() && !now.isBefore(current.deadlines.acceptBy())) {
            current = current.change(Actor.SYSTEM, now, HistoryAction.EXPIRE, ReferralState.EXPIRED,
                    "not accepted by " + current.deadlines.acceptBy()).closedAt(now).build();
            events.add(new ReferralEvent.Expired(now, current.version));
        }
        if (current.state == ReferralState.ACCEPTED && !now.isBefore(current.appointment.noShowAfter())) {
            Outcome<Referral> missed = current.noShow(Actor.SYSTEM, now);
            current = missed.state();
            events.addAll(missed.events());
        }
        return events.isEmpty() ? Outcome.unchanged(this) : Outcome.of(current, events);
    }

    // ---- what quota-service tells us (no referral event: quota already published its own)

    /**
     * Quota holds a slot. A hold for a referral that is closed without acceptance changes nothing here:
     * quota releases the unit when it reads the cancel/reject/expiry event, so a late hold never
     * resurrects a referral, and it is written down. A hold that arrives after the acceptance (quota
     * placed the referral late, or handed it a unit as the desk accepted it off the waitlist) is the
     * one quota confirms on the accepted event: it is kept, in the state the referral is in, so the
     * confirmation that follows finds it.
     */
    public Outcome<Referral> slotHeld(SlotHold hold, Instant now) {
        if (slot.state() == QuotaState.HELD && hold.holdId().equals(slot.holdId())) {
            return Outcome.unchanged(this);
        }
        if (acceptedAt != null && state != ReferralState.CANCELLED && slot.state() != QuotaState.CONFIRMED) {
            return Outcome.of(change(Actor.SYSTEM, now, HistoryAction.SLOT_HELD, state, "hold " + hold.holdId()
                    + " arrived after the acceptance; quota confirms it").slot(SlotStatus.held(hold, now)).build(),
                    List.of());
        }
        if (!state.awaitsAcceptance()) {
            return Outcome.of(note(now, HistoryAction.SLOT_HELD_IGNORED, "hold " + hold.holdId() + " arrived while "
                    + state + "; quota releases it on the referral's " + state.name().toLowerCase() + " event"),
                    List.of());
        }
        Referral held = change(Actor.SYSTEM, now, HistoryAction.SLOT_HELD, ReferralState.SLOT_HELD,
                "hold " + hold.holdId() + (hold.greenChannel() ? " (green channel)" : ""))
                .slot(SlotStatus.held(hold, now)).build();
        return Outcome.of(held, List.of());
    }

    public Outcome<Referral> waitlisted(PoolId poolId, int position, Instant now) {
        if (!state.awaitsAcceptance() || state == ReferralState.SLOT_HELD) {
            return Outcome.of(note(now, HistoryAction.WAITLISTED_IGNORED,
                    "waitlisted at " + position + " while " + state), List.of());
        }
        SlotStatus waiting = new SlotStatus(QuotaState.WAITLISTED, null, poolId, null, null, false, position, null, now);
        if (state == ReferralState.WAITLISTED && Objects.equals(slot.waitlistPosition(), position)) {
            return Outcome.unchanged(this);
        }
        Referral waitlisted = change(Actor.SYSTEM, now, HistoryAction.WAITLISTED, ReferralState.WAITLISTED,
                "position " + position)
                .slot(waiting).build();
        return Outcome.of(waitlisted, List.of());
    }

    /** No pool exists for this request: the referral stays SUBMITTED, flagged for the desk. */
    public Outcome<Referral> slotUnavailable(String reason, Instant now) {
        if (state != ReferralState.SUBMITTED) {
            return Outcome.of(note(now, HistoryAction.UNAVAILABLE_IGNORED, reason + " while " + state), List.of());
        }
        if (slot.state() == QuotaState.UNAVAILABLE) {
            return Outcome.unchanged(this);
        }
        Referral flagged = change(Actor.SYSTEM, now, HistoryAction.SLOT_UNAVAILABLE, state, reason)
                .slot(slot.with(QuotaState.UNAVAILABLE, reason, now)).build();
        return Outcome.of(flagged, List.of());
    }

    /**
     * Quota released the hold (it expired, or the reserve was handed back). A referral that still
     * waits for acceptance goes back to SUBMITTED, flagged, so the desk sees it has no slot any more.
     */
    public Outcome<Referral> slotReleased(HoldId holdId, String reason, Instant now) {
        if (slot.state() != QuotaState.HELD && slot.state() != QuotaState.CONFIRMED
                || holdId != null && !holdId.equals(slot.holdId())) {
            return Outcome.of(note(now, HistoryAction.SLOT_RELEASED,
                    "hold " + holdId + " released (" + reason + ") while " + state), List.of());
        }
        ReferralState next = state == ReferralState.SLOT_HELD ? ReferralState.SUBMITTED : state;
        Referral released = change(Actor.SYSTEM, now, HistoryAction.SLOT_RELEASED, next, reason)
                .slot(slot.with(QuotaState.RELEASED, reason, now)).build();
        return Outcome.of(released, List.of());
    }

    public Outcome<Referral> slotConfirmed(HoldId holdId, Instant now) {
        if (slot.state() != QuotaState.HELD || !slot.holdId().equals(holdId)) {
            return Outcome.unchanged(this);
        }
        return Outcome.of(change(Actor.SYSTEM, now, HistoryAction.SLOT_CONFIRMED, state, "hold " + holdId)
                .slot(slot.with(QuotaState.CONFIRMED, null, now)).build(), List.of());
    }

    // ---- what the state allows

    /** Actions the current state allows to someone entitled to them (see {@link ReferralPermissions}). */
    public Set<Action> actionsInState() {
        return switch (state) {
            case SUBMITTED, SLOT_HELD, WAITLISTED -> EnumSet.of(Action.ACCEPT, Action.REJECT, Action.CANCEL);
            case ACCEPTED -> EnumSet.of(Action.RECORD_ARRIVAL, Action.RECORD_NO_SHOW, Action.CANCEL);
            case ARRIVED -> EnumSet.of(Action.COMPLETE);
            default -> EnumSet.noneOf(Action.class);
        };
    }

    public Direction direction() {
        return request.direction();
    }

    public Urgency urgency() {
        return request.urgency();
    }

    public InstitutionId fromInstitutionId() {
        return request.fromInstitutionId();
    }

    public InstitutionId toInstitutionId() {
        return request.toInstitutionId();
    }

    // ---- internals

    private void requireAwaitingAcceptance(Action action) {
        if (!state.awaitsAcceptance()) {
            throw new IllegalTransition(action, state, null);
        }
    }

    private void require(Action action, ReferralState expected) {
        if (state != expected) {
            throw new IllegalTransition(action, state, "it must be " + expected);
        }
    }

    /** A history line without a state change (e.g. a late quota event): bumps the version, no event. */
    private Referral note(Instant now, HistoryAction action, String reason) {
        return change(Actor.SYSTEM, now, action, state, reason).build();
    }

    private Builder change(Actor by, Instant now, HistoryAction action, ReferralState to, String reason) {
        List<HistoryEntry> lines = new ArrayList<>(history);
        lines.add(HistoryEntry.of(by, now, action, state, to, reason));
        Builder builder = new Builder(this);
        builder.state = to;
        builder.history = lines;
        builder.version = version + 1;
        return builder;
    }

    private static final class Builder {
        private final Referral from;
        private ReferralState state;
        private Deadlines deadlines;
        private SlotStatus slot;
        private Appointment appointment;
        private RejectReason rejectReason;
        private String rejectNote;
        private CancelReason cancelReason;
        private Completion completion;
        private Instant acceptedAt;
        private Instant arrivedAt;
        private Instant closedAt;
        private List<HistoryEntry> history;
        private long version;
        private ReferralId downReferralId;

        private Builder(Referral from) {
            this.from = from;
            deadlines = from.deadlines;
            slot = from.slot;
            appointment = from.appointment;
            rejectReason = from.rejectReason;
            rejectNote = from.rejectNote;
            cancelReason = from.cancelReason;
            completion = from.completion;
            acceptedAt = from.acceptedAt;
            arrivedAt = from.arrivedAt;
            closedAt = from.closedAt;
            downReferralId = from.downReferralId;
        }

        Builder deadlines(Deadlines value) { deadlines = value; return this; }
        Builder slot(SlotStatus value) { slot = value; return this; }
        Builder appointment(Appointment value) { appointment = value; return this; }
        Builder rejected(RejectReason reason, String note) { rejectReason = reason; rejectNote = note; return this; }
        Builder cancelled(CancelReason reason) { cancelReason = reason; return this; }
        Builder completion(Completion value) { completion = value; return this; }
        Builder acceptedAt(Instant value) { acceptedAt = value; return this; }
        Builder arrivedAt(Instant value) { arrivedAt = value; return this; }
        Builder closedAt(Instant value) { closedAt = value; return this; }

        Referral build() {
            return new Referral(from.id, from.request, from.referringDoctorId, from.contracted, from.eligibility, state,
                    deadlines, slot, appointment, rejectReason, rejectNote, cancelReason, completion, from.submittedAt,
                    acceptedAt, arrivedAt, closedAt, history, version, from.path, downReferralId, from.receivedFirst);
        }
    }
}

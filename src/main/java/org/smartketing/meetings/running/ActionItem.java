package org.smartketing.meetings.running;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.smartketing.meetings.ActionItemCompleted;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * One item of an attendee's action plan, which guards its own follow-up: an open item is marked
 * done, not done (with a new date) or dropped (with a reason); a closed one changes no more.
 * {@code firstDueOn} is the date promised in the meeting (what follow-through is measured
 * against); the due date in {@link State} moves when a follow-up gives a new one.
 *
 * <p>{@code events} are what the change that made this instance registered (none when read from
 * the store); the service publishes them once it has saved the item.
 */
public record ActionItem(ActionItemId id, Origin origin, String text, PersonId ownerId, LocalDate firstDueOn,
        Link link, State state, List<Object> events) {

    public enum Status {
        OPEN, DONE, DROPPED
    }

    /** What a follow-up decides about an open item. */
    public enum Outcome {
        DONE, NOT_DONE, DROPPED;

        /** The outcome as a form or the API names it, in any case. */
        public static Outcome parse(String name) {
            try {
                return Outcome.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("outcome", "must be DONE, NOT_DONE or DROPPED");
            }
        }
    }

    /**
     * Where the item was made: in which meeting (and its family of series), by whom, from which idea,
     * when; or, for an item another part made, no meeting but its {@link Source}.
     */
    public record Origin(MeetingId meetingId, SeriesId familyId, PersonId authorId, UUID ideaId, Instant createdAt,
            Source source) {
    }

    /**
     * Where an item made outside a meeting came from (a cross-training session, say): its title and
     * page, and who follows it up in place of a meeting's sponsor.
     */
    public record Source(String title, String path, PersonId followedUpBy) {
    }

    /** What the item is about: a lead, a campaign or a goal, by id. */
    public record Link(String kind, UUID id) {
    }

    /** Where the follow-up stands: the due date now, and for a closed item why it was dropped or when it was done. */
    public record State(Status status, LocalDate dueOn, String reason, LocalDate doneOn) {
    }

    /** What the author writes into their plan; the service has checked the owner and the link. */
    public record Draft(String text, PersonId ownerId, LocalDate dueOn, Link link, UUID ideaId) {
    }

    public ActionItem {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * A new open item in the author's plan during the running meeting; {@code today} is the
     * author's, and the due date lies between it and two years on.
     */
    public static ActionItem plan(ActionItemId id, Meeting meeting, PersonId author, Draft draft, LocalDate today,
            Instant at) {
        meeting.requireRunning();
        return open(id, new Origin(meeting.id(), meeting.familyId(), author, draft.ideaId(), at, null), draft, today);
    }

    /**
     * A new open item that another part makes outside any meeting; followed up like a meeting's items,
     * with {@code source} naming where it came from and who follows it up.
     */
    public static ActionItem elsewhere(ActionItemId id, Source source, PersonId author, Draft draft, LocalDate today,
            Instant at) {
        return open(id, new Origin(null, null, author, null, at, source), draft, today);
    }

    private static ActionItem open(ActionItemId id, Origin origin, Draft draft, LocalDate today) {
        if (draft.text() == null || draft.text().isBlank()) {
            throw new InvalidFieldException("text", "is required: an empty plan item commits nobody to anything");
        }
        LocalDate due = draft.dueOn();
        if (due == null) {
            throw new InvalidFieldException("dueOn", "is required");
        }
        if (due.isBefore(today)) {
            throw new InvalidFieldException("dueOn", "must not be in the past");
        }
        if (due.isAfter(today.plusYears(2))) {
            throw new InvalidFieldException("dueOn", "must be within two years");
        }
        return new ActionItem(id, origin, draft.text(), draft.ownerId(), due, draft.link(),
                new State(Status.OPEN, due, null, null), List.of());
    }

    /** Done {@code today}; registers {@link ActionItemCompleted}, on time when by the date promised in the meeting. */
    public ActionItem markDone(LocalDate today, Instant at, Actor by) {
        requireOpen();
        return new ActionItem(id, origin, text, ownerId, firstDueOn, link, new State(Status.DONE, dueOn(), null, today),
                List.of(new ActionItemCompleted(UUID.randomUUID(), id, ownerId, text, firstDueOn, today,
                        !today.isAfter(firstDueOn), at, by)));
    }

    /** Not done yet: it stays open with a new due date, which may not be in the past. */
    public ActionItem notDoneUntil(LocalDate newDueOn, LocalDate today) {
        requireOpen();
        if (newDueOn == null) {
            throw new InvalidFieldException("newDueOn", "is required when the item is not done yet");
        }
        if (newDueOn.isBefore(today)) {
            throw new InvalidFieldException("newDueOn", "must not be in the past");
        }
        return new ActionItem(id, origin, text, ownerId, firstDueOn, link, new State(Status.OPEN, newDueOn, null, null),
                List.of());
    }

    /** Dropped, and why: nobody does it any more. */
    public ActionItem drop(String reason) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "is required to drop an item");
        }
        return new ActionItem(id, origin, text, ownerId, firstDueOn, link,
                new State(Status.DROPPED, dueOn(), reason, null), List.of());
    }

    private void requireOpen() {
        if (!open()) {
            throw new RuleViolationException("This item is already " + status().name().toLowerCase() + ".");
        }
    }

    public boolean open() {
        return status() == Status.OPEN;
    }

    /** Done by the date promised in the meeting: what follow-through counts. */
    public boolean doneOnTime() {
        return status() == Status.DONE && doneOn() != null && !doneOn().isAfter(firstDueOn);
    }

    public MeetingId meetingId() {
        return origin.meetingId();
    }

    public SeriesId familyId() {
        return origin.familyId();
    }

    /** Made by another part outside any meeting; null for a meeting's item. */
    public Source source() {
        return origin.source();
    }

    public PersonId authorId() {
        return origin.authorId();
    }

    public UUID ideaId() {
        return origin.ideaId();
    }

    public Instant createdAt() {
        return origin.createdAt();
    }

    public String linkKind() {
        return link == null ? null : link.kind();
    }

    public UUID linkId() {
        return link == null ? null : link.id();
    }

    public Status status() {
        return state.status();
    }

    public LocalDate dueOn() {
        return state.dueOn();
    }

    public String reason() {
        return state.reason();
    }

    public LocalDate doneOn() {
        return state.doneOn();
    }
}

package org.smartketing.meetings.running;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.LinkTargets;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a meeting through its protocol (follow-up, topic and end goal, ideas, action plans,
 * commitments, close) and keeps its items followed up afterwards. Only people in the series
 * (attendees, sponsor, organizer) take part; only attendees commit.
 */
@Service
@Transactional
public class MeetingRunner {

    /** A new item; {@code ownerId} defaults to the author. */
    public record NewItem(String text, UUID ownerId, LocalDate dueOn, String linkKind, UUID linkId, UUID ideaId) {
    }

    /** A follow-up decision on an open item: DONE, NOT_DONE (with a new date) or DROPPED (with a reason). */
    public record Review(ActionItem.Outcome outcome, LocalDate newDueOn, String reason) {
    }

    private final MeetingStore meetings;
    private final SeriesStore series;
    private final RunnerStore store;
    private final Reminders reminders;
    private final Minutes minutes;
    private final Map<String, LinkTargets> linkTargets = new LinkedHashMap<>();
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    MeetingRunner(MeetingStore meetings, SeriesStore series, RunnerStore store, Reminders reminders, Minutes minutes,
            List<LinkTargets> linkTargets, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.meetings = meetings;
        this.series = series;
        this.store = store;
        this.reminders = reminders;
        this.minutes = minutes;
        linkTargets.forEach(t -> this.linkTargets.put(t.kind(), t));
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Topic and end goal are required to start; the meeting opens on the follow-up of open items. */
    public Meeting start(MeetingId meetingId, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        takingPart(m, me);
        Meeting started = m.start(clock.instant());
        meetings.update(started);
        return started;
    }

    /** Moves to the named step (any attendee may lead); the timer starts again. */
    public Meeting step(MeetingId meetingId, Meeting.Step to, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        takingPart(m, me);
        Meeting moved = m.moveTo(to, clock.instant());
        meetings.update(moved);
        return moved;
    }

    public RunnerStore.Idea addIdea(MeetingId meetingId, String text, SignedInPerson me) {
        Meeting m = running(meetingId, me);
        String idea = MeetingPlanning.text("text", text, 500);
        if (idea == null) {
            throw new InvalidFieldException("text", "is required");
        }
        RunnerStore.Idea added = new RunnerStore.Idea(UUID.randomUUID(), m.id(), idea, me.id(), clock.instant());
        store.addIdea(added);
        return added;
    }

    /** An item in the author's own plan; the due date may not be in the past (author's zone). */
    public ActionItem addItem(MeetingId meetingId, NewItem item, SignedInPerson me) {
        Meeting m = running(meetingId, me);
        Series s = series.byId(m.seriesId()).orElseThrow();
        String text = item.text();
        UUID ideaId = item.ideaId();
        if (ideaId != null) {
            RunnerStore.Idea idea = store.idea(ideaId).filter(i -> i.meetingId().equals(m.id()))
                    .orElseThrow(() -> new InvalidFieldException("ideaId", "is not an idea of this meeting"));
            text = text == null || text.isBlank() ? idea.text() : text;
        }
        text = MeetingPlanning.text("text", text, 500);
        PersonId owner = item.ownerId() == null ? me.id() : new PersonId(item.ownerId());
        if (!s.involves(owner)) {
            throw new InvalidFieldException("ownerId", "must be someone in the meeting");
        }
        String kind = linkKind(item.linkKind(), item.linkId());
        ActionItem.Link link = kind == null ? null : new ActionItem.Link(kind, item.linkId());
        ActionItem.Draft draft = new ActionItem.Draft(text, owner, item.dueOn(), link, ideaId);
        ActionItem added = ActionItem.plan(ActionItemId.random(), m, me.id(), draft,
                LocalDate.now(clock.withZone(zoneOf(me))), clock.instant());
        store.addItem(added);
        reminders.schedule(added);
        return added;
    }

    /**
     * An item another part makes outside any meeting (see {@code meetings.ActionItems}); the owner
     * has been checked by the caller, the due date lies ahead in the owner's zone.
     */
    public ActionItem addElsewhere(ActionItem.Source source, PersonId author, String text, PersonId owner,
            java.time.LocalDate dueOn, ZoneId ownerZone) {
        ActionItem added = ActionItem.elsewhere(ActionItemId.random(), source, author,
                new ActionItem.Draft(MeetingPlanning.text("text", text, 500), owner, dueOn, null, null),
                LocalDate.now(clock.withZone(ownerZone)), clock.instant());
        store.addItem(added);
        reminders.schedule(added);
        audit.record("action-item", added.id(), "planned", null, Map.of("text", added.text(), "owner",
                owner.toString(), "dueOn", dueOn.toString(), "from", source.title()));
        return added;
    }

    /** One explicit action, time-stamped, by an attendee who has written a plan. */
    public RunnerStore.Commitment commit(MeetingId meetingId, String action, SignedInPerson me) {
        Meeting m = running(meetingId, me);
        Series s = series.byId(m.seriesId()).orElseThrow();
        if (!s.attendees().contains(me.id())) {
            throw new NotPermittedException("Only people invited to this meeting commit to a plan.");
        }
        String text = MeetingPlanning.text("action", action, 300);
        if (text == null) {
            throw new InvalidFieldException("action", "is required: say the one thing you will do");
        }
        if (store.itemsOf(m.id()).stream().noneMatch(i -> i.authorId().equals(me.id()))) {
            throw new InvalidFieldException("plan", "is empty: write at least one action item before you commit");
        }
        if (store.commitments(m.id()).stream().anyMatch(c -> c.personId().equals(me.id()))) {
            throw new RuleViolationException("You have already committed in this meeting.");
        }
        RunnerStore.Commitment c = new RunnerStore.Commitment(m.id(), me.id(), text, clock.instant());
        store.commit(c);
        return c;
    }

    /** 1–10, during the close step or after; rating again replaces the earlier rating. */
    public void rate(MeetingId meetingId, Integer rating, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        takingPart(m, me);
        m.requireRatable();
        if (rating == null || rating < 1 || rating > 10) {
            throw new InvalidFieldException("rating", "must be a whole number from 1 to 10");
        }
        store.rate(new RunnerStore.Rating(m.id(), me.id(), rating, clock.instant()));
    }

    /** Ends the meeting: the minutes go to everyone in the series. */
    public Meeting close(MeetingId meetingId, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        Series s = takingPart(m, me);
        Meeting closed = m.close(clock.instant(), s, store.itemsOf(m.id()).size(), store.commitments(m.id()).size(),
                me.actor());
        meetings.update(closed);
        minutes.send(s, closed);
        closed.events().forEach(events::publishEvent);
        audit.record("meeting", m.id(), "closed", Map.of("status", "RUNNING"), Map.of("status", "CLOSED"));
        return closed;
    }

    /**
     * Follows up an item: in a meeting of its series ({@code meetingId}), or on the owner's own list
     * ({@code meetingId == null}, owner or sponsor only).
     */
    public ActionItem review(ActionItemId itemId, MeetingId meetingId, Review review, SignedInPerson me) {
        ActionItem item = store.item(itemId).orElseThrow(() -> new NotFoundException("Action item " + itemId));
        if (item.meetingId() == null) {
            // made by another part: followed up by its owner, whoever follows it up, or an admin
            boolean mine = item.ownerId().equals(me.id()) || me.id().equals(item.source().followedUpBy())
                    || me.role() == AppRole.ADMIN;
            if (meetingId != null) {
                throw new InvalidFieldException("itemId", "is not an item of this series");
            }
            if (!mine) {
                throw new NotFoundException("Action item " + itemId);
            }
        }
        else if (meetingId != null) {
            Meeting m = running(meetingId, me);
            if (!m.familyId().equals(item.familyId())) {
                throw new InvalidFieldException("itemId", "is not an item of this series");
            }
        }
        else if (!item.ownerId().equals(me.id()) && !sponsorOf(item).equals(me.id()) && me.role() != AppRole.ADMIN) {
            throw new NotFoundException("Action item " + itemId);
        }
        if (review.outcome() == null) {
            throw new InvalidFieldException("outcome", "must be DONE, NOT_DONE or DROPPED");
        }
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(me)));
        ActionItem after = switch (review.outcome()) {
            case DONE -> item.markDone(today, clock.instant(), me.actor());
            case NOT_DONE -> item.notDoneUntil(review.newDueOn(), today);
            case DROPPED -> item.drop(MeetingPlanning.text("reason", review.reason(), 300));
        };
        store.updateItem(after);
        store.review(item.id(), meetingId, review.outcome(), review.newDueOn(), after.reason(), me.id(),
                clock.instant());
        if (after.open()) {
            reminders.schedule(after);
        }
        after.events().forEach(events::publishEvent);
        return after;
    }

    private PersonId sponsorOf(ActionItem item) {
        return series.byId(meetings.get(item.meetingId()).seriesId()).orElseThrow().sponsorId();
    }

    private static ZoneId zoneOf(SignedInPerson me) {
        return me.zone() == null ? ZoneId.of("UTC") : me.zone();
    }

    /** The kinds of thing an item may be linked to, as the parts declare them. */
    public List<LinkTargets> linkTargets() {
        return List.copyOf(linkTargets.values());
    }

    private String linkKind(String kind, UUID id) {
        if ((kind == null || kind.isBlank()) && id == null) {
            return null;
        }
        String kinds = String.join(" or ", linkTargets.keySet());
        if (kind == null || kind.isBlank()) {
            throw new InvalidFieldException("linkKind", "say whether the link is a " + kinds);
        }
        if (id == null) {
            throw new InvalidFieldException("linkId", "is required with a link kind");
        }
        String k = kind.strip().toLowerCase();
        LinkTargets target = linkTargets.get(k);
        if (target == null) {
            throw new InvalidFieldException("linkKind", "must be " + kinds);
        }
        if (!target.exists(id)) {
            throw new InvalidFieldException("linkId", "is not a " + k + " here");
        }
        return k;
    }

    private Meeting running(MeetingId meetingId, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        takingPart(m, me);
        m.requireRunning();
        return m;
    }

    private Series takingPart(Meeting m, SignedInPerson me) {
        Series s = series.byId(m.seriesId()).orElseThrow();
        if (!s.involves(me.id())) {
            throw new NotPermittedException("Only people invited to this meeting take part in it.");
        }
        return s;
    }
}

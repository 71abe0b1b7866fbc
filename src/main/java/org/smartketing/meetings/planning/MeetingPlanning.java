package org.smartketing.meetings.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Text;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans series and single meetings: creates every occurrence, edits the whole series, one
 * occurrence, or "this and following" (which splits the series in two: the first ends before the
 * occurrence, the second starts with it under a new calendar UID and the same family, so
 * follow-up and measures go on). Every change raises the series' SEQUENCE and emails the
 * attendees the .ics; a cancellation sends METHOD:CANCEL.
 */
@Service
@Transactional
public class MeetingPlanning {

    /** People one series may invite, teams' members included, and teams it may name. */
    public static final int MAX_INVITED = 200;
    public static final int MAX_TEAMS = 50;

    /**
     * What a series is.
     *
     * @param start local date-time of the first meeting in {@code zone}
     * @param rrule RFC 5545 rule without "RRULE:", or {@code null} for a single meeting
     */
    public record SeriesPlan(String title, LocalDateTime start, String zone, Integer durationMinutes, String rrule,
            UUID sponsorId, List<UUID> attendeeIds, List<UUID> teamIds, String topic, String endGoal) {

        SeriesPlan withRrule(String rule) {
            return new SeriesPlan(title, start, zone, durationMinutes, rule, sponsorId, attendeeIds, teamIds, topic,
                    endGoal);
        }
    }

    public record Planned(Series series, List<String> warnings) {
    }

    /** A change to one occurrence; {@code null} keeps what it is. */
    public record OccurrenceChange(LocalDateTime start, Integer durationMinutes, String topic, String endGoal) {
    }

    private final SeriesStore series;
    private final MeetingStore meetings;
    private final TeamDirectory directory;
    private final Invitations invitations;
    private final AuditLog audit;
    private final Clock clock;

    MeetingPlanning(SeriesStore series, MeetingStore meetings, TeamDirectory directory, Invitations invitations,
            AuditLog audit, Clock clock) {
        this.series = series;
        this.meetings = meetings;
        this.directory = directory;
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    public Planned create(SeriesPlan plan, SignedInPerson me) {
        Series s = Series.plan(SeriesId.random(), terms(plan, true), me.id(), clock.instant());
        series.insert(s);
        sync(s);
        audit.record("meeting-series", s.id(), "created", null, auditable(s));
        invitations.request(s, meetings.ofSeries(s.id()), "invited");
        return new Planned(s, warnings(s));
    }

    /**
     * A series whose first meetings already happened, for the demo company's history: the same
     * checks except the start date, and no invitations.
     */
    public Series recordPast(SeriesPlan plan, PersonId organizer, Instant createdAt) {
        Series s = Series.plan(SeriesId.random(), terms(plan, false), organizer, createdAt);
        series.insert(s);
        sync(s);
        return s;
    }

    /**
     * Changes the whole series ({@code from == null}), or the meetings from {@code from} (a meeting of
     * the series) on, which splits it; returns the series that now holds those meetings.
     */
    public Planned edit(SeriesId id, SeriesPlan plan, MeetingId from, SignedInPerson me) {
        Series before = mayChange(id, me);
        if (from == null) {
            Series after = before.replan(terms(plan, false));
            Set<PersonId> removed = new HashSet<>(before.everyone());
            removed.removeAll(after.everyone());
            series.update(after);
            sync(after, before);
            audit.record("meeting-series", id, "changed", auditable(before), auditable(after));
            invitations.request(after, meetings.ofSeries(id), "updated");
            if (!removed.isEmpty()) {
                invitations.cancel(after, null, removed);
            }
            return new Planned(after, warnings(after));
        }
        Meeting split = meetings.get(from);
        if (!split.seriesId().equals(id)) {
            throw new InvalidFieldException("from", "is not a meeting of this series");
        }
        split.requireNotStarted();
        int index = indexOf(before, split);
        if (index <= 0 || before.rrule() == null) {
            return edit(id, plan, null, me);
        }
        // The same rule goes on with the meetings that are left; a new rule is taken as given.
        String sameRule = Recurrence.checked(before.rrule(), null, before.zone());
        String given = Recurrence.checked(plan.rrule(), null, before.zone());
        SeriesPlan continued = Objects.equals(sameRule, given)
                ? plan.withRrule(Recurrence.continuingFrom(before.rrule(), index)) : plan;
        Series rest = before.continuation(SeriesId.random(), terms(continued, false), clock.instant());
        ZonedDateTime at = split.recurrenceId().atZone(before.zone());
        Series shortened = before.endingWith(Recurrence.endingBefore(before.rrule(), index, at));
        series.update(shortened);
        series.insert(rest);
        for (Meeting m : meetings.ofSeries(id)) {
            if (!m.recurrenceId().isBefore(split.recurrenceId()) && m.status() == Meeting.Status.SCHEDULED) {
                meetings.update(m.inSeries(rest.id()));
            }
        }
        sync(shortened);
        sync(rest, before);
        audit.record("meeting-series", id, "split", auditable(before), Map.of("shortened", auditable(shortened),
                "continued", auditable(rest)));
        invitations.request(shortened, meetings.ofSeries(shortened.id()), "updated");
        invitations.request(rest, meetings.ofSeries(rest.id()), "invited");
        return new Planned(rest, warnings(rest));
    }

    public Meeting editOccurrence(MeetingId meetingId, OccurrenceChange change, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        Series s = mayChange(m.seriesId(), me);
        Instant start = change.start() == null ? m.startsAt() : change.start().atZone(s.zone()).toInstant();
        int duration = change.durationMinutes() == null ? m.durationMinutes() : duration(change.durationMinutes());
        String topic = change.topic() == null ? m.topic() : text("topic", change.topic(), 300);
        String goal = change.endGoal() == null ? m.endGoal() : text("endGoal", change.endGoal(), 500);
        Meeting after = m.reschedule(start, duration).refocus(new Purpose(topic, goal));
        meetings.update(after);
        boolean timeChanged = !after.startsAt().equals(m.startsAt()) || after.durationMinutes() != m.durationMinutes();
        if (timeChanged) {
            Series raised = s.withOccurrenceChanged();
            series.update(raised);
            invitations.request(raised, meetings.ofSeries(s.id()), "updated");
        }
        audit.record("meeting", m.id(), "changed", Map.of("start", m.startsAt().toString(), "minutes", m.durationMinutes()),
                Map.of("start", start.toString(), "minutes", duration));
        return after;
    }

    public Meeting cancelOccurrence(MeetingId meetingId, SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        Series s = mayChange(m.seriesId(), me);
        Meeting cancelled = m.cancel();
        meetings.update(cancelled);
        Series raised = s.withOccurrenceChanged();
        series.update(raised);
        invitations.cancel(raised, cancelled, raised.everyone());
        audit.record("meeting", m.id(), "cancelled", Map.of("status", m.status().name()), Map.of("status", "CANCELLED"));
        return cancelled;
    }

    public Series cancelSeries(SeriesId id, SignedInPerson me) {
        Series cancelled = mayChange(id, me).cancel(clock.instant());
        series.update(cancelled);
        meetings.ofSeries(id).stream().filter(m -> m.status() == Meeting.Status.SCHEDULED)
                .forEach(m -> meetings.update(m.cancel()));
        invitations.cancel(cancelled, null, cancelled.everyone());
        audit.record("meeting-series", id, "cancelled", Map.of("active", true), Map.of("active", false));
        return cancelled;
    }

    /** Anyone invited adds a talking point, with its presenter (themselves by default). */
    public MeetingStore.AgendaPoint addAgendaPoint(MeetingId meetingId, String text, UUID presenter,
            SignedInPerson me) {
        Meeting m = meetings.get(meetingId);
        Series s = seriesOf(m);
        if (!s.involves(me.id())) {
            throw new NotPermittedException("Only people invited to this meeting add talking points.");
        }
        m.requireNotOver();
        PersonId by = presenter == null ? me.id() : new PersonId(presenter);
        if (!s.involves(by)) {
            throw new InvalidFieldException("presenterId", "must be someone invited to the meeting");
        }
        MeetingStore.AgendaPoint point = new MeetingStore.AgendaPoint(UUID.randomUUID(), m.id(),
                text("text", required("text", text), 300), by, me.id(), clock.instant());
        meetings.addPoint(point);
        return point;
    }

    @Transactional(readOnly = true)
    public Series seriesOf(Meeting m) {
        return get(m.seriesId());
    }

    /** The series, for someone in it or a manager; members outside it get a 404, as if it did not exist. */
    @Transactional(readOnly = true)
    public Series visibleTo(SeriesId id, SignedInPerson viewer) {
        Series s = get(id);
        if (!s.involves(viewer.id()) && viewer.role() == AppRole.MEMBER) {
            throw new NotFoundException("Meeting series " + id);
        }
        return s;
    }

    @Transactional(readOnly = true)
    public Series get(SeriesId id) {
        return series.byId(id).orElseThrow(() -> new NotFoundException("Meeting series " + id));
    }

    /** A series that only one department attends misses the point of meeting as one team. */
    @Transactional(readOnly = true)
    public List<String> warnings(Series s) {
        Set<Department> departments = s.attendees().stream().map(directory::person).flatMap(java.util.Optional::stream)
                .map(PersonSummary::department).filter(d -> d == Department.SALES || d == Department.MARKETING)
                .collect(Collectors.toSet());
        if (departments.size() < 2) {
            return List.of("Only one department attends: invite people from both sales and marketing.");
        }
        return List.of();
    }

    private Series mayChange(SeriesId id, SignedInPerson me) {
        Series s = get(id);
        s.requireChangeableBy(me.id(), me.role() == AppRole.ADMIN);
        return s;
    }

    /** The plan checked field by field; a new series may not start in the past, an edited one may. */
    private Series.Terms terms(SeriesPlan plan, boolean startNotPast) {
        String title = text("title", required("title", plan.title()), 200);
        if (plan.start() == null) {
            throw new InvalidFieldException("start", "is required");
        }
        ZoneId zone = TimeZones.of("zone", required("zone", plan.zone()));
        int duration = duration(plan.durationMinutes());
        LocalDateTime start = plan.start().truncatedTo(ChronoUnit.MINUTES);
        if (startNotPast && start.atZone(zone).toInstant().isBefore(clock.instant().minus(1, ChronoUnit.DAYS))) {
            throw new InvalidFieldException("start", "must not be in the past");
        }
        String rrule = Recurrence.checked(plan.rrule(), start, zone);
        if (plan.sponsorId() == null) {
            throw new InvalidFieldException("sponsorId", "is required: a manager who supports the meeting");
        }
        PersonSummary sponsor = directory.person(new PersonId(plan.sponsorId())).filter(PersonSummary::enabled)
                .orElseThrow(() -> new InvalidFieldException("sponsorId", "is not a person here"));
        if (sponsor.appRole() == AppRole.MEMBER) {
            throw new InvalidFieldException("sponsorId", "must be a manager");
        }
        List<UUID> attendeeIds = Objects.requireNonNullElse(plan.attendeeIds(), List.<UUID>of());
        List<UUID> teamIds = Objects.requireNonNullElse(plan.teamIds(), List.<UUID>of());
        // Refused before anything is looked up: a list of 300,000 ids must not cost 300,000 queries.
        if (attendeeIds.size() > MAX_INVITED) {
            throw new InvalidFieldException("attendeeIds", "may name at most " + MAX_INVITED + " people");
        }
        if (teamIds.size() > MAX_TEAMS) {
            throw new InvalidFieldException("teamIds", "may name at most " + MAX_TEAMS + " teams");
        }
        Set<PersonId> people = new LinkedHashSet<>();
        for (UUID p : attendeeIds) {
            if (p == null || directory.person(new PersonId(p)).filter(PersonSummary::enabled).isEmpty()) {
                throw new InvalidFieldException("attendeeIds", "names someone who is not a person here");
            }
            people.add(new PersonId(p));
        }
        List<TeamId> teams = new ArrayList<>();
        for (UUID t : teamIds) {
            List<PersonSummary> members = t == null ? List.of() : directory.membersOf(new TeamId(t));
            if (members.isEmpty()) {
                throw new InvalidFieldException("teamIds", "names a team that does not exist or has no members");
            }
            teams.add(new TeamId(t));
            members.stream().filter(PersonSummary::enabled).forEach(p -> people.add(p.id()));
        }
        if (people.isEmpty()) {
            throw new InvalidFieldException("attendeeIds", "invite at least one person or team");
        }
        if (people.size() > MAX_INVITED) {
            throw new InvalidFieldException(teams.isEmpty() ? "attendeeIds" : "teamIds",
                    "invites more than " + MAX_INVITED + " people with its teams");
        }
        Purpose purpose = new Purpose(text("topic", plan.topic(), 300), text("endGoal", plan.endGoal(), 500));
        return new Series.Terms(title, new Series.Schedule(start, zone, duration, rrule),
                new Series.Invitees(sponsor.id(), List.copyOf(people), teams), purpose);
    }

    /**
     * Brings the series' meeting rows in line with its rule: an occurrence that is still there keeps
     * its row; otherwise new occurrences take the remaining unstarted rows in order (keeping their
     * agenda), rows left over are removed, and started or closed meetings always stay.
     */
    private void sync(Series s) {
        sync(s, null);
    }

    private void sync(Series s, Series before) {
        List<ZonedDateTime> starts = Recurrence.expand(s.firstStart(), s.zone(), s.rrule());
        List<Meeting> rows = meetings.ofSeries(s.id());
        Map<Instant, Meeting> byRecurrence = new LinkedHashMap<>();
        rows.forEach(m -> byRecurrence.put(m.recurrenceId(), m));
        List<Instant> wanted = starts.stream().map(ZonedDateTime::toInstant).toList();
        List<Meeting> spare = new ArrayList<>(rows.stream()
                .filter(m -> m.status() == Meeting.Status.SCHEDULED && !wanted.contains(m.recurrenceId())).toList());
        Purpose seriesBefore = before == null ? null : before.purpose();
        for (Instant at : wanted) {
            Meeting existing = byRecurrence.get(at);
            if (existing != null) {
                if (existing.status() == Meeting.Status.SCHEDULED) {
                    meetings.update(existing.asOccurrence(s, seriesBefore, at));
                }
                continue;
            }
            if (!spare.isEmpty()) {
                meetings.update(spare.remove(0).asOccurrence(s, seriesBefore, at));
                continue;
            }
            meetings.insert(Meeting.scheduled(s, at));
        }
        for (Meeting m : meetings.ofSeries(s.id())) {
            boolean notStarted = m.status() == Meeting.Status.SCHEDULED || m.status() == Meeting.Status.CANCELLED;
            if (notStarted && !wanted.contains(m.recurrenceId())) {
                meetings.delete(m.id());
            }
        }
    }

    private int indexOf(Series s, Meeting m) {
        List<ZonedDateTime> starts = Recurrence.expand(s.firstStart(), s.zone(), s.rrule());
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i).toInstant().equals(m.recurrenceId())) {
                return i;
            }
        }
        throw new RuleViolationException("This meeting is no longer part of the series' rule.");
    }

    private static int duration(Integer minutes) {
        if (minutes == null) {
            throw new InvalidFieldException("durationMinutes", "is required");
        }
        if (minutes < 5 || minutes > 480) {
            throw new InvalidFieldException("durationMinutes", "must be between 5 and 480 minutes");
        }
        return minutes;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    /** Plain text of at most {@code max} characters, or null when blank. */
    public static String text(String field, String value, int max) {
        return Text.plain(field, value, max);
    }

    private static Map<String, Object> auditable(Series s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("start", s.firstStart().toString());
        m.put("zone", s.zone().getId());
        m.put("minutes", s.durationMinutes());
        m.put("rrule", String.valueOf(s.rrule()));
        m.put("sponsor", s.sponsorId().toString());
        m.put("attendees", s.attendees().size());
        m.put("sequence", s.sequence());
        return m;
    }
}

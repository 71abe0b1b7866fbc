package org.smartketing.goals.session;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.goals.plan.ActivityKind;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalDrafts;
import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Per;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.goals.plan.Texts;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.MeetingSummaries;
import org.smartketing.meetings.MeetingSummaries.MeetingSummary;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 15-minute goal session: members of the team join, state the outcome, propose activities,
 * dot-vote (three votes each), give the top picks targets and owners, commit, and end with a draft
 * goal waiting for endorsement ({@link GoalDrafts}). Steps guide and time the session; an overrun
 * is shown, never blocked, and what one may do does not depend on the step. Every change locks
 * the session's row first, so changes to one session (two votes of one person) queue; a drafted
 * session changes no more.
 */
@Service
@Transactional
public class GoalSessions {

    static final int VOTES_EACH = 3;
    static final int MOST_PROPOSALS = 40;

    /** A session to start; without a team or title, the meeting's (its first team, its topic) are taken. */
    public record NewSession(UUID teamId, UUID meetingId, String title, Period.Input period, String zone,
            Outcome.Input outcome) {
    }

    public record Proposing(String type, String note) {
    }

    public record Targets(Integer target, String per, List<UUID> ownerIds) {
    }

    private final GoalSessionStore store;
    private final GoalDrafts drafts;
    private final TeamDirectory directory;
    private final MeetingSummaries meetings;
    private final AuditLog audit;
    private final Clock clock;

    GoalSessions(GoalSessionStore store, GoalDrafts drafts, TeamDirectory directory, MeetingSummaries meetings, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.drafts = drafts;
        this.directory = directory;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new session at its first step, joined by whoever starts it when they are in the team. */
    public GoalSession start(NewSession in, SignedInPerson me) {
        MeetingSummary meeting = in.meetingId() == null ? null
                : meetings.meeting(new MeetingId(in.meetingId()))
                        .orElseThrow(() -> new InvalidFieldException("meetingId", "is not a meeting here"));
        UUID teamId = in.teamId() != null ? in.teamId()
                : meeting != null && !meeting.teams().isEmpty() ? meeting.teams().get(0).value() : null;
        if (teamId == null) {
            throw new InvalidFieldException("teamId", "is required");
        }
        TeamId team = new TeamId(teamId);
        if (directory.teamName(team).isEmpty()) {
            throw new InvalidFieldException("teamId", "is not a team here");
        }
        Set<PersonId> members = members(team);
        if (!members.contains(me.id()) && me.role().compareTo(AppRole.MANAGER) < 0) {
            throw new NotPermittedException("Only members of the team, or managers, start its goal sessions.");
        }
        String title = in.title() == null || in.title().isBlank() ? meeting == null ? null : meeting.topic() : in.title();
        ZoneId zone = zone(in.zone(), me.zone());
        Instant now = clock.instant();
        GoalSession session = stated(new GoalSession(UUID.randomUUID(), team, meeting == null ? null : meeting.id(),
                title, in.period(), zone, in.outcome(), Step.OUTCOME, now, now, me.id(), null, 1));
        store.insert(session);
        if (members.contains(me.id())) {
            store.join(session.id(), me.id(), now);
        }
        audit.record("goal_session", session.id(), "started", null, Map.of("title", session.title(), "team", team.toString()));
        return session;
    }

    @Transactional(readOnly = true)
    public SessionBoard board(UUID id) {
        GoalSession s = store.byId(id).orElseThrow(() -> new NotFoundException("Goal session"));
        List<GoalSession.Participant> participants = store.participants(id);
        List<GoalSession.Proposal> proposals = store.proposals(id);
        Set<PersonId> people = new LinkedHashSet<>();
        people.add(s.startedBy());
        participants.forEach(p -> people.add(p.person()));
        proposals.forEach(p -> {
            people.add(p.proposedBy());
            people.addAll(p.owners());
        });
        List<PersonSummary> members = directory.membersOf(s.teamId()).stream().filter(PersonSummary::enabled).toList();
        Map<PersonId, PersonSummary> names = new java.util.HashMap<>(directory.people(people));
        members.forEach(m -> names.put(m.id(), m));
        return new SessionBoard(s, directory.teamName(s.teamId()).orElse("a team"), participants, proposals, members,
                names, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<GoalSession> ofMeeting(MeetingId meeting) {
        return store.ofMeeting(meeting);
    }

    /** Joins the session; only enabled members of the team take part (they are who owns and commits). */
    public SessionBoard join(UUID id, SignedInPerson me) {
        GoalSession s = changeable(id);
        if (!members(s.teamId()).contains(me.id())) {
            throw new NotPermittedException("Only members of the session's team join it.");
        }
        if (store.join(id, me.id(), clock.instant())) {
            audit.record("goal_session", id, "joined", null, Map.of("person", me.id().toString()));
        }
        return board(id);
    }

    /** States the outcome again (title, period, measure and target); what is left out stays. */
    public SessionBoard restate(UUID id, NewSession in, SignedInPerson me) {
        GoalSession s = changeable(id);
        requireJoined(s, me);
        GoalSession after = stated(new GoalSession(s.id(), s.teamId(), s.meetingId(),
                in.title() == null ? s.title() : in.title(), in.period() == null ? s.period() : in.period(), s.zone(),
                in.outcome() == null ? s.outcome() : in.outcome(), s.step(), s.stepStartedAt(), s.startedAt(),
                s.startedBy(), null, s.version() + 1));
        store.update(after, s.version());
        audit.record("goal_session", id, "outcome stated", null, Map.of("title", after.title()));
        return board(id);
    }

    public SessionBoard propose(UUID id, Proposing in, SignedInPerson me) {
        GoalSession s = changeable(id);
        requireJoined(s, me);
        ActivityKind kind = ActivityKind.parse("type", in.type());
        String note = Texts.plain("note", in.note(), 300);
        if (store.proposals(id).size() >= MOST_PROPOSALS) {
            throw new InvalidFieldException("type", "at most " + MOST_PROPOSALS + " proposals in one session");
        }
        GoalSession.Proposal p = new GoalSession.Proposal(UUID.randomUUID(), me.id(), kind, note, null, null, List.of(),
                List.of(), clock.instant());
        store.insertProposal(id, p);
        audit.record("goal_session", id, "proposed", null, Map.of("kind", kind.name()));
        return board(id);
    }

    /** One dot on a proposal: three each, at most one on the same proposal. */
    public SessionBoard vote(UUID id, UUID proposalId, SignedInPerson me) {
        GoalSession s = changeable(id);
        requireJoined(s, me);
        proposal(id, proposalId);
        if (store.votesBy(id, me.id()) >= VOTES_EACH) {
            throw new InvalidFieldException("proposalId", "you have cast your " + VOTES_EACH + " votes already");
        }
        if (!store.vote(id, proposalId, me.id(), clock.instant())) {
            throw new InvalidFieldException("proposalId", "you voted for this activity already");
        }
        audit.record("goal_session", id, "voted", null, Map.of("proposal", proposalId.toString()));
        return board(id);
    }

    /** A pick's target and owners (members of the team), checked as a goal's activity is. */
    public SessionBoard setTargets(UUID id, UUID proposalId, Targets in, SignedInPerson me) {
        GoalSession s = changeable(id);
        requireJoined(s, me);
        GoalSession.Proposal p = proposal(id, proposalId);
        Set<PersonId> members = members(s.teamId());
        // The goal's own rules, so a pick that passes here also passes when the goal is drafted.
        PlannedActivity.Input asActivity = new PlannedActivity.Input(null, p.kind().name(), in.target(), in.per(),
                in.ownerIds(), null, null);
        PlannedActivity checked = PlannedActivity.check(asActivity, members);
        store.setTargets(proposalId, checked.target(), checked.per(), checked.owners());
        audit.record("goal_session", id, "targets set", null,
                Map.of("proposal", proposalId.toString(), "target", checked.target(), "per", checked.per().name()));
        return board(id);
    }

    public SessionBoard commit(UUID id, String text, SignedInPerson me) {
        GoalSession s = changeable(id);
        requireJoined(s, me);
        store.commit(id, me.id(), Texts.required("text", text, 300), clock.instant());
        audit.record("goal_session", id, "committed", null, Map.of("person", me.id().toString()));
        return board(id);
    }

    /** Moves to a step (back or forth); moving to DRAFTED sets the draft goal from the picks and commitments. */
    public SessionBoard move(UUID id, String step, SignedInPerson me) {
        GoalSession s = changeable(id);
        requireJoined(s, me);
        Step to = Step.parse("step", step);
        Instant now = clock.instant();
        Goal goal = to == Step.DRAFTED ? draft(s, me) : null;
        GoalSession after = new GoalSession(s.id(), s.teamId(), s.meetingId(), s.title(), s.period(), s.zone(),
                s.outcome(), to, to == s.step() ? s.stepStartedAt() : now, s.startedAt(), s.startedBy(),
                goal == null ? null : goal.id(), s.version() + 1);
        store.update(after, s.version());
        audit.record("goal_session", id, "step", s.step().name(), to.name());
        return board(id);
    }

    private Goal draft(GoalSession s, SignedInPerson me) {
        List<GoalSession.Proposal> picks = store.proposals(s.id()).stream().filter(GoalSession.Proposal::picked)
                .sorted(Comparator.comparingInt(GoalSession.Proposal::votes).reversed()).toList();
        if (picks.isEmpty()) {
            throw new InvalidFieldException("activities", "give at least one pick a target and owners before drafting");
        }
        List<PlannedActivity.Input> activities = picks.stream()
                .map(p -> new PlannedActivity.Input(null, p.kind().name(), p.target(), p.per().name(),
                        p.owners().stream().map(PersonId::value).toList(), null, null))
                .toList();
        List<GoalDrafts.Promise> promises = store.participants(s.id()).stream().filter(GoalSession.Participant::committed)
                .map(p -> new GoalDrafts.Promise(p.person(), p.commitment())).toList();
        NewGoal goal = new NewGoal(s.teamId().value(), s.title(), s.period(), s.zone().getId(), s.outcome(), "WEEKLY", null,
                activities);
        return drafts.draft(new GoalDrafts.SessionResult(goal, s.zone(), promises), me.actor());
    }

    private GoalSession changeable(UUID id) {
        GoalSession s = store.lock(id).orElseThrow(() -> new NotFoundException("Goal session"));
        if (s.drafted()) {
            throw new RuleViolationException("The session is over: its goal was drafted for endorsement.");
        }
        return s;
    }

    private void requireJoined(GoalSession s, SignedInPerson me) {
        if (store.participants(s.id()).stream().noneMatch(p -> p.person().equals(me.id()))) {
            throw new InvalidFieldException("participant", "you have not joined this goal session: join it first");
        }
    }

    private GoalSession.Proposal proposal(UUID session, UUID proposalId) {
        if (proposalId == null) {
            throw new InvalidFieldException("proposalId", "is required");
        }
        return store.proposals(session).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("proposalId", "is not a proposal of this session"));
    }

    /** The session with its outcome checked as a goal's is (title, period, measure and target). */
    private static GoalSession stated(GoalSession s) {
        Texts.required("title", s.title(), 120);
        Period.of(s.period(), s.zone());
        Outcome.of(s.outcome());
        return s;
    }

    private Set<PersonId> members(TeamId team) {
        return directory.membersOf(team).stream().filter(PersonSummary::enabled).map(PersonSummary::id)
                .collect(Collectors.toSet());
    }

    private static ZoneId zone(String zone, ZoneId fallback) {
        if (zone == null || zone.isBlank()) {
            return fallback == null ? ZoneId.of("UTC") : fallback;
        }
        try {
            return ZoneId.of(zone.strip());
        }
        catch (DateTimeException ex) {
            throw new InvalidFieldException("zone", "is not a time zone (Europe/Berlin, America/New_York, …)");
        }
    }
}

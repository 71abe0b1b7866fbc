package org.smartketing.goals.plan;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.smartketing.goals.GoalId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.Actor;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting, adjusting and endorsing goals. A goal is set and changed by members of its team, its
 * sponsor or any manager; it is endorsed by the heads of sales and marketing (managers of those
 * departments) or by its sponsor. Every change is audited and kept as a revision.
 */
@Service
@Transactional
public class GoalPlanning {

    private final GoalStore store;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GoalPlanning(GoalStore store, TeamDirectory directory, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Goal set(NewGoal in, SignedInPerson me) {
        return setAt(in, me, clock.instant());
    }

    /** A goal as set at {@code at} (its activities count from that day): for demo data and imports. */
    public Goal setAt(NewGoal in, SignedInPerson me, Instant at) {
        return set(in, me.actor(), me.zone(), false, me.role().compareTo(AppRole.MANAGER) >= 0, at);
    }

    Goal set(NewGoal in, Actor by, ZoneId fallbackZone, boolean draft, boolean manager) {
        return set(in, by, fallbackZone, draft, manager, clock.instant());
    }

    /** A goal set by {@code by}, in {@code fallbackZone} unless the input names one; a draft waits for endorsement. */
    private Goal set(NewGoal in, Actor by, ZoneId fallbackZone, boolean draft, boolean manager, Instant at) {
        if (in.teamId() == null) {
            throw new InvalidFieldException("teamId", "is required");
        }
        TeamId team = new TeamId(in.teamId());
        if (directory.teamName(team).isEmpty()) {
            throw new InvalidFieldException("teamId", "is not a team here");
        }
        Set<PersonId> members = members(team);
        if (!manager && !members.contains(by.personId())) {
            throw new RuleViolationException("Only members of the team, or managers, set its goals.");
        }
        if (in.sponsorId() != null) {
            requireSponsor(new PersonId(in.sponsorId()));
        }
        Goal goal = Goal.set(in, zone(in.zone(), fallbackZone), members, draft, at, by);
        store.insert(goal, Revision.first(goal, draft ? "Drafted in a goal session" : "First set"));
        audit.record("goal", goal.id(), "set", null, snapshot(goal));
        goal.events().forEach(events::publishEvent);
        return goal;
    }

    public Goal revise(GoalId id, Change change, SignedInPerson me) {
        return reviseAt(id, change, me, clock.instant());
    }

    /** An adjustment as made at {@code now}: for demo data and imports. */
    public Goal reviseAt(GoalId id, Change change, SignedInPerson me, Instant now) {
        Goal before = get(id);
        requireMayChange(before, me);
        Goal after = before.revise(change, members(before.teamId()), now, me.actor());
        store.update(after, before.version(), Revision.between(before, after, me.id(), now, change.reason().strip()), now);
        audit.record("goal", id, "revised", snapshot(before), snapshot(after));
        after.events().forEach(events::publishEvent);
        return after;
    }

    /** Endorses the current version as whichever of head of sales, head of marketing or sponsor {@code me} is. */
    public Endorsements endorse(GoalId id, Integer version, SignedInPerson me) {
        return endorseAt(id, version, me, clock.instant());
    }

    /** An endorsement as given at {@code at}: for demo data and imports. */
    public Endorsements endorseAt(GoalId id, Integer version, SignedInPerson me, Instant at) {
        Goal goal = get(id);
        if (version == null) {
            throw new InvalidFieldException("version", "is required: the version you endorse");
        }
        Endorsement.As as = capacity(goal, me);
        goal.requireVersion(version);
        Endorsement endorsement = new Endorsement(version, me.id(), as, at);
        if (!store.insertEndorsement(id, endorsement)) {
            return endorsements(goal);
        }
        List<Endorsement> all = store.endorsements(id);
        boolean fully = Endorsements.fully(all.stream().filter(e -> e.version() == version).map(Endorsement::as)
                .collect(Collectors.toSet()));
        Goal after = goal.endorse(version, fully, endorsement.at(), me.actor());
        if (after.draft() != goal.draft()) {
            store.update(after, goal.version(), null, endorsement.at());
        }
        audit.record("goal", id, "endorsed", null, Map.of("version", version, "as", as.name(), "fully", fully));
        after.events().forEach(events::publishEvent);
        return Endorsements.of(goal.version(), all);
    }

    @Transactional(readOnly = true)
    public Goal get(GoalId id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("Goal"));
    }

    @Transactional(readOnly = true)
    public Endorsements endorsements(Goal goal) {
        return Endorsements.of(goal.version(), store.endorsements(goal.id()));
    }

    /** Where each goal stands with management, in one query for all of them (the goals list). */
    @Transactional(readOnly = true)
    public Map<GoalId, Endorsements> endorsements(List<Goal> goals) {
        Map<GoalId, List<Endorsement>> all = store.endorsements(goals.stream().map(Goal::id).toList());
        Map<GoalId, Endorsements> result = new LinkedHashMap<>();
        goals.forEach(g -> result.put(g.id(), Endorsements.of(g.version(), all.getOrDefault(g.id(), List.of()))));
        return result;
    }

    @Transactional(readOnly = true)
    public List<Revision> revisions(GoalId id) {
        get(id);
        return store.revisions(id);
    }

    /** Team members, the sponsor and managers change a goal; others only look. */
    public void requireMayChange(Goal goal, SignedInPerson me) {
        if (!mayChange(goal, me)) {
            throw new RuleViolationException("Only members of the goal's team, its sponsor or managers change it.");
        }
    }

    @Transactional(readOnly = true)
    public boolean mayChange(Goal goal, SignedInPerson me) {
        return me.role().compareTo(AppRole.MANAGER) >= 0 || me.id().equals(goal.sponsorId())
                || members(goal.teamId()).contains(me.id());
    }

    Endorsement.As capacity(Goal goal, SignedInPerson me) {
        if (me.id().equals(goal.sponsorId())) {
            return Endorsement.As.SPONSOR;
        }
        if (me.role().compareTo(AppRole.MANAGER) >= 0 && me.department() == Department.SALES) {
            return Endorsement.As.HEAD_OF_SALES;
        }
        if (me.role().compareTo(AppRole.MANAGER) >= 0 && me.department() == Department.MARKETING) {
            return Endorsement.As.HEAD_OF_MARKETING;
        }
        throw new RuleViolationException("Goals are endorsed by the heads of sales and marketing, or by the goal's sponsor.");
    }

    private void requireSponsor(PersonId sponsor) {
        PersonSummary p = directory.person(sponsor).filter(PersonSummary::enabled)
                .orElseThrow(() -> new InvalidFieldException("sponsorId", "is not an enabled person here"));
        if (p.appRole().compareTo(AppRole.MANAGER) < 0) {
            throw new InvalidFieldException("sponsorId", "a sponsor is a manager");
        }
    }

    Set<PersonId> members(TeamId team) {
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

    private static Map<String, Object> snapshot(Goal g) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", g.title());
        s.put("team", g.teamId().toString());
        s.put("period", g.period().startsOn() + ".." + g.period().endsOn() + " " + g.period().zone().getId());
        s.put("outcome", g.plan().outcome().describe());
        s.put("version", g.version());
        s.put("draft", g.draft());
        s.put("activities", g.plan().activities().stream().map(a -> a.kind().name() + " " + a.target() + "/" + a.per()
                + (a.dropped() ? " dropped " + a.droppedOn() : "")).toList());
        return s;
    }
}

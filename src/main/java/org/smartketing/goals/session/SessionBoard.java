package org.smartketing.goals.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;

/**
 * Everything a goal session shows, as the page and the API read it: the session, who joined and
 * committed, the proposals with their votes (most votes first), the team's members (who may own a
 * pick) and the clocks of the step and the whole, as of {@code now}.
 */
public record SessionBoard(GoalSession session, String teamName, List<GoalSession.Participant> participants,
        List<GoalSession.Proposal> proposals, List<PersonSummary> members, Map<PersonId, PersonSummary> people,
        Instant now) {

    public SessionBoard {
        participants = List.copyOf(participants);
        proposals = List.copyOf(proposals);
        members = List.copyOf(members);
        people = Map.copyOf(people);
    }

    /** Proposals with the most votes first (ties in the order proposed). */
    public List<GoalSession.Proposal> ranked() {
        return proposals.stream().sorted(Comparator.comparingInt(GoalSession.Proposal::votes).reversed()).toList();
    }

    /** The outcome in words ("40 new customers"), as a goal describes its own. */
    public String outcomeText() {
        return org.smartketing.goals.plan.Outcome.of(session.outcome()).describe();
    }

    public String name(PersonId id) {
        PersonSummary p = people.get(id);
        return p == null ? "someone" : p.displayName();
    }

    public boolean joined(PersonId person) {
        return participants.stream().anyMatch(p -> p.person().equals(person));
    }

    public boolean committed(PersonId person) {
        return participants.stream().anyMatch(p -> p.person().equals(person) && p.committed());
    }

    public int votesLeft(PersonId person) {
        return GoalSessions.VOTES_EACH
                - (int) proposals.stream().filter(p -> p.voters().contains(person)).count();
    }

    public boolean votedFor(GoalSession.Proposal proposal, PersonId person) {
        return proposal.voters().contains(person);
    }

    /** Seconds on the current step so far (the clock stops once the goal is drafted). */
    public long stepSeconds() {
        return session.drafted() ? 0 : Math.max(0, Duration.between(session.stepStartedAt(), now).getSeconds());
    }

    public long totalSeconds() {
        return Math.max(0, Duration.between(session.startedAt(), session.drafted() ? session.stepStartedAt() : now)
                .getSeconds());
    }

    public boolean stepOverrun() {
        return !session.drafted() && stepSeconds() > session.step().minutes() * 60L;
    }

    public boolean totalOverrun() {
        return totalSeconds() > Step.TOTAL_MINUTES * 60L;
    }

    /** "03:12 of 04:00", and "over by 00:40" once the step overran. */
    public String stepClock() {
        long limit = session.step().minutes() * 60L;
        return clock(stepSeconds()) + " of " + clock(limit) + (stepOverrun() ? ", over by " + clock(stepSeconds() - limit) : "");
    }

    public String totalClock() {
        long limit = Step.TOTAL_MINUTES * 60L;
        return clock(totalSeconds()) + " of " + clock(limit) + (totalOverrun() ? ", over by " + clock(totalSeconds() - limit) : "");
    }

    private static String clock(long seconds) {
        return "%02d:%02d".formatted(seconds / 60, seconds % 60);
    }
}

package org.smartketing.goals.session;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Period;
import org.smartketing.meetings.MeetingId;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/**
 * One goal session as stored: the outcome it states and where it is in its steps; once drafted,
 * the goal it set ({@code goalId}) and nothing changes any more.
 */
public record GoalSession(UUID id, TeamId teamId, MeetingId meetingId, String title, Period.Input period, ZoneId zone,
        Outcome.Input outcome, Step step, Instant stepStartedAt, Instant startedAt, PersonId startedBy, GoalId goalId,
        int version) {

    public boolean drafted() {
        return goalId != null;
    }

    /** A participant: when they joined and, once given, their commitment. */
    public record Participant(PersonId person, Instant joinedAt, String commitment, Instant committedAt) {

        public boolean committed() {
            return commitment != null;
        }
    }

    /** A proposed activity with its votes; a pick once it has a target and owners. */
    public record Proposal(UUID id, PersonId proposedBy, org.smartketing.goals.plan.ActivityKind kind, String note,
            Integer target, org.smartketing.goals.plan.Per per, List<PersonId> owners, List<PersonId> voters,
            Instant proposedAt) {

        public Proposal {
            owners = List.copyOf(owners);
            voters = List.copyOf(voters);
        }

        public int votes() {
            return voters.size();
        }

        public boolean picked() {
            return target != null && !owners.isEmpty();
        }
    }
}

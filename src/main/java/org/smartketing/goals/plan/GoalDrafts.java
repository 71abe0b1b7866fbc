package org.smartketing.goals.plan;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what a goal session agreed on into a draft goal waiting for endorsement: the outcome, the
 * activities with targets and owners, and each participant's commitment. The draft is set like
 * any goal (same checks, first revision, review jobs), only marked as a draft until the heads of
 * sales and marketing, or the sponsor, endorse it.
 */
@Service
@Transactional
public class GoalDrafts {

    /** One participant's commitment as the session recorded it. */
    public record Promise(PersonId person, String text) {
    }

    /** What a goal session ends with; {@code zone} is the team's (the session's) zone. */
    public record SessionResult(NewGoal goal, ZoneId zone, List<Promise> commitments) {

        public SessionResult {
            commitments = commitments == null ? List.of() : List.copyOf(commitments);
        }
    }

    private final GoalPlanning planning;
    private final GoalStore store;

    GoalDrafts(GoalPlanning planning, GoalStore store) {
        this.planning = planning;
        this.store = store;
    }

    /**
     * The draft goal, set by {@code by} (who ran the session). A commitment names a member of the
     * team, at most once each.
     *
     * @throws InvalidFieldException naming the field at fault (as for any new goal, or {@code commitments[i]…})
     */
    public Goal draft(SessionResult result, Actor by) {
        Goal goal = planning.set(result.goal(), by, result.zone(), true, true);
        Set<PersonId> members = planning.members(goal.teamId());
        Map<PersonId, Boolean> seen = new java.util.HashMap<>();
        for (int i = 0; i < result.commitments().size(); i++) {
            Promise p = result.commitments().get(i);
            String field = "commitments[" + i + "]";
            if (p.person() == null || !members.contains(p.person())) {
                throw new InvalidFieldException(field + ".person", "is not a member of the goal's team");
            }
            if (seen.put(p.person(), true) != null) {
                throw new InvalidFieldException(field + ".person", "has committed already");
            }
            store.insertCommitment(goal.id(), new Commitment(p.person(), Texts.required(field + ".text", p.text(), 300),
                    goal.created().at()));
        }
        return goal;
    }
}

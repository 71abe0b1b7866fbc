package org.smartketing.goals.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.smartketing.team.PersonId;

/**
 * One version of a goal as it was set or adjusted, never changed afterwards: who, when, why, what
 * changed in words, and the whole plan of that version (version 1 is "as first set").
 */
public record Revision(int version, PersonId by, Instant at, String reason, List<String> changes, Plan plan) {

    public Revision {
        changes = List.copyOf(changes);
    }

    static Revision first(Goal g, String reason) {
        return new Revision(1, g.created().by(), g.created().at(), reason,
                List.of("Set: " + g.plan().outcome().describe() + " in " + g.period().label() + " through "
                        + g.plan().activities().size() + (g.plan().activities().size() == 1 ? " activity" : " activities")),
                g.plan());
    }

    static Revision between(Goal before, Goal after, PersonId by, Instant at, String reason) {
        return new Revision(after.version(), by, at, reason, changes(before.plan(), after.plan()), after.plan());
    }

    /** What changed from one plan to the next, one line each, in the product's words. */
    static List<String> changes(Plan before, Plan after) {
        List<String> lines = new ArrayList<>();
        if (before.outcome().target().compareTo(after.outcome().target()) != 0) {
            lines.add("Outcome target " + before.outcome().target().toPlainString() + " → "
                    + after.outcome().target().toPlainString());
        }
        for (PlannedActivity a : after.activities()) {
            PlannedActivity old = before.activity(a.id()).orElse(null);
            String name = a.kind().label();
            if (old == null) {
                lines.add(name + " added: " + a.target() + " " + a.per().label());
                continue;
            }
            if (a.dropped() && !old.dropped()) {
                lines.add(name + " dropped");
                continue;
            }
            if (old.target() != a.target() || old.per() != a.per()) {
                lines.add(name + ": target " + old.target() + " " + old.per().label() + " → " + a.target() + " "
                        + a.per().label());
            }
            if (!old.owners().equals(a.owners())) {
                lines.add(name + ": owners changed (" + old.owners().size() + " → " + a.owners().size() + ")");
            }
            if (!Objects.equals(old.assumption(), a.assumption())) {
                lines.add(name + ": assumption changed");
            }
        }
        return lines;
    }
}

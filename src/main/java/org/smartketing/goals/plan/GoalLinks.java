package org.smartketing.goals.plan;

import org.smartketing.comms.Regarding;

/** How a message names a goal: its title and period, linking to its page. */
public final class GoalLinks {

    private GoalLinks() {
    }

    public static Regarding regarding(Goal g) {
        return new Regarding("goal", g.id().toString(), g.title() + ", " + g.period().label(), path(g));
    }

    public static String path(Goal g) {
        return "/goals/" + g.id();
    }
}

package org.smartketing.goals.progress;

import java.util.Collection;

import org.smartketing.team.Department;

/** A shared goal has owners from sales and from marketing; one with owners from only one is flagged. */
final class Departments {

    private Departments() {
    }

    static String flag(Collection<Department> owners) {
        boolean sales = owners.contains(Department.SALES);
        boolean marketing = owners.contains(Department.MARKETING);
        if (sales && marketing) {
            return null;
        }
        if (sales) {
            return "Only sales people own activities: a shared goal has owners from marketing too.";
        }
        if (marketing) {
            return "Only marketing people own activities: a shared goal has owners from sales too.";
        }
        return "Nobody from sales or marketing owns an activity.";
    }
}

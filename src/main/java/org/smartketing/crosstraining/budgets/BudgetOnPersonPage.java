package org.smartketing.crosstraining.budgets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.smartketing.team.Department;
import org.smartketing.team.PersonPageSection;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Component;

/**
 * A salesperson's or marketer's cross-training hours on their profile page: this quarter's budget,
 * with what is spent and planned against it and what is left (as the coverage matrix shows them).
 */
@Component
class BudgetOnPersonPage implements PersonPageSection {

    private final Budgets budgets;

    BudgetOnPersonPage(Budgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public Optional<Section> about(PersonSummary person, SignedInPerson viewer) {
        if (person.department() != Department.SALES && person.department() != Department.MARKETING) {
            return Optional.empty();
        }
        Budgets.Budget b = budgets.of(person);
        String whose = b.own() ? "set by their manager" : "the company default";
        return Optional.of(new Section("cross-training-budget", "Cross-training, " + b.quarter(), List.of(
                new Line("Budget", hours(b.hours()) + ", " + whose),
                new Line("Spent", hours(b.spentHours())),
                new Line("Planned", hours(b.plannedHours())),
                new Line("Left", hours(b.leftHours()))),
                viewer.id().equals(person.id()) ? "/cross-training" : "/cross-training/coverage",
                viewer.id().equals(person.id()) ? "My cross-training" : "The coverage matrix"));
    }

    static String hours(double h) {
        return String.format(Locale.ENGLISH, h == Math.rint(h) ? "%.0f h" : "%.1f h", h);
    }
}

package org.smartketing.goals.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.plan.Assumption;
import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.Commitment;
import org.smartketing.goals.plan.Endorsement;
import org.smartketing.goals.plan.Endorsements;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.goals.plan.Revision;
import org.smartketing.goals.progress.Conversion;
import org.smartketing.goals.progress.GoalReport;
import org.smartketing.goals.progress.Pace;
import org.smartketing.goals.review.Review;

/** What the goals API answers: records built from the goal and its report, never the aggregate itself. */
final class GoalViews {

    private GoalViews() {
    }

    record PeriodView(String kind, LocalDate startsOn, LocalDate endsOn, String zone, String label) {

        static PeriodView of(Period p) {
            return new PeriodView(p.kind().name(), p.startsOn(), p.endsOn(), p.zone().getId(), p.label());
        }
    }

    /** {@code pace} is actual ÷ planned to date (1.0 = on plan), {@code null} while nothing is due. */
    record OutcomeView(String measure, String label, BigDecimal target, String currency, double actual,
            double plannedToDate, Double forecast, Double pace, String status) {

        static OutcomeView of(Goal g, GoalReport.OutcomeProgress o) {
            Pace p = o.pace();
            return new OutcomeView(g.plan().outcome().measure().name(), g.plan().outcome().measure().label(),
                    g.plan().outcome().target(), g.plan().outcome().currency(), p.actual(), round(p.plannedToDate()),
                    p.forecast() == null ? null : round(p.forecast()), p.ratio() == null ? null : round2(p.ratio()),
                    p.status().name());
        }
    }

    record EndorsementView(String state, String label, Integer endorsedVersion, int currentVersion, String waitingFor,
            List<EndorsedView> ofCurrentVersion) {

        static EndorsementView of(Endorsements e) {
            return new EndorsementView(e.state(), e.label(), e.endorsedVersion(), e.currentVersion(),
                    e.waitingFor().isEmpty() ? null : e.waitingFor(), e.ofCurrent().stream().map(EndorsedView::of).toList());
        }
    }

    record EndorsedView(int version, UUID personId, String as, Instant endorsedAt) {

        static EndorsedView of(Endorsement e) {
            return new EndorsedView(e.version(), e.by().value(), e.as().name(), e.at());
        }
    }

    record GoalSummary(UUID id, String title, UUID teamId, PeriodView period, boolean draft, int version,
            OutcomeView outcome, String status, EndorsementView endorsement) {
    }

    record AssumptionView(int activities, BigDecimal outcomes, String text, double assumedRate, Double observedRate,
            String verdict) {

        static AssumptionView of(PlannedActivity a, Goal g, Conversion c) {
            Assumption as = a.assumption();
            return new AssumptionView(as.activities(), as.outcomes(), as.describe(a.kind(), g.plan().outcome().measure()),
                    round2(c.assumed()), c.observed() == null ? null : round2(c.observed()), c.verdict().name());
        }
    }

    record OwnerView(UUID personId, long actual) {
    }

    record ActivityView(UUID id, String type, String label, int target, String per, List<UUID> ownerIds,
            List<OwnerView> owners, double actual, long teamTotal, double plannedToDate, Double forecast, Double pace,
            String status, LocalDate since, LocalDate droppedOn, AssumptionView assumption) {

        static ActivityView of(Goal g, GoalReport.ActivityProgress p) {
            PlannedActivity a = p.activity();
            Pace pace = p.pace();
            return new ActivityView(a.id(), a.kind().name(), a.kind().label(), a.target(), a.per().name(),
                    a.owners().stream().map(o -> o.value()).toList(),
                    p.byOwner().entrySet().stream().map(e -> new OwnerView(e.getKey().value(), e.getValue())).toList(),
                    pace.actual(), p.teamTotal(), round(pace.plannedToDate()),
                    pace.forecast() == null ? null : round(pace.forecast()), pace.ratio() == null ? null : round2(pace.ratio()),
                    pace.status().name(), a.since(), a.droppedOn(),
                    a.assumption() == null ? null : AssumptionView.of(a, g, p.conversion()));
        }
    }

    record CommitmentView(UUID personId, String text, Instant committedAt) {

        static CommitmentView of(Commitment c) {
            return new CommitmentView(c.person().value(), c.text(), c.at());
        }
    }

    record GoalView(UUID id, String title, UUID teamId, PeriodView period, String cadence, UUID sponsorId, boolean draft,
            int version, OutcomeView outcome, List<ActivityView> activities, List<String> flags, String status,
            EndorsementView endorsement, LocalDate nextReviewOn, List<CommitmentView> commitments) {
    }

    record CheckInView(UUID id, UUID personId, BigDecimal value, int confidence, String comment, Instant checkedAt) {

        static CheckInView of(CheckIn c) {
            return new CheckInView(c.id(), c.by().value(), c.value(), c.confidence(), c.comment(), c.at());
        }
    }

    record PlanView(String measure, BigDecimal target, String currency, List<PlannedView> activities) {
    }

    record PlannedView(UUID id, String type, int target, String per, List<UUID> ownerIds, Integer assumedActivities,
            BigDecimal assumedOutcomes, LocalDate since, LocalDate droppedOn) {
    }

    record RevisionView(int version, UUID changedBy, Instant changedAt, String reason, List<String> changes, PlanView plan) {

        static RevisionView of(Revision r) {
            var o = r.plan().outcome();
            return new RevisionView(r.version(), r.by() == null ? null : r.by().value(), r.at(), r.reason(), r.changes(),
                    new PlanView(o.measure().name(), o.target(), o.currency(), r.plan().activities().stream()
                            .map(a -> new PlannedView(a.id(), a.kind().name(), a.target(), a.per().name(),
                                    a.owners().stream().map(p -> p.value()).toList(),
                                    a.assumption() == null ? null : a.assumption().activities(),
                                    a.assumption() == null ? null : a.assumption().outcomes(), a.since(), a.droppedOn()))
                            .toList()));
        }
    }

    record ReviewView(LocalDate dueOn, Instant notifiedAt, Instant escalatedAt, Instant heldAt, UUID heldBy,
            Integer heldVersion, String note) {

        static ReviewView of(Review r) {
            return new ReviewView(r.dueOn(), r.notifiedAt(), r.escalatedAt(), r.heldAt(),
                    r.heldBy() == null ? null : r.heldBy().value(), r.heldVersion(), r.note());
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

package org.smartketing.goals.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.goals.plan.Change;
import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.CheckIns;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.progress.GoalProgress;
import org.smartketing.goals.progress.GoalReport;
import org.smartketing.goals.review.ReviewJobs;
import org.smartketing.goals.review.Reviews;
import org.smartketing.goals.web.GoalViews.CheckInView;
import org.smartketing.goals.web.GoalViews.EndorsementView;
import org.smartketing.goals.web.GoalViews.GoalSummary;
import org.smartketing.goals.web.GoalViews.GoalView;
import org.smartketing.goals.web.GoalViews.RevisionView;
import org.smartketing.goals.web.GoalViews.ReviewView;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Goals over JSON: list, set, read with progress; check-ins, revisions, endorsements and reviews of one goal. */
@RestController
@Tag(name = "Goals")
@RequestMapping("/api/v1/goals")
class GoalsApiController {

    record EndorseRequest(Integer version) {
    }

    private final GoalPlanning planning;
    private final GoalStore store;
    private final GoalProgress progress;
    private final CheckIns checkIns;
    private final Reviews reviews;
    private final ReviewJobs reviewJobs;
    private final Clock clock;
    private final CsvDownloads csv;

    GoalsApiController(GoalPlanning planning, GoalStore store, GoalProgress progress, CheckIns checkIns, Reviews reviews,
            ReviewJobs reviewJobs, Clock clock, CsvDownloads csv) {
        this.csv = csv;
        this.planning = planning;
        this.store = store;
        this.progress = progress;
        this.checkIns = checkIns;
        this.reviews = reviews;
        this.reviewJobs = reviewJobs;
        this.clock = clock;
    }

    /** Goals whose period overlaps {@code from}–{@code to} (either open), of one team or all, newest period first. */
    @Operation(operationId = "listGoals", summary = "Goals whose period overlaps from–to, of one team or all")
    @GetMapping
    List<GoalSummary> list(@RequestParam(required = false) UUID teamId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        Instant now = clock.instant();
        List<Goal> goals = store.list(teamId == null ? null : new TeamId(teamId), from, to, 500);
        GoalProgress.Outcomes outcomes = progress.outcomes(goals, now);
        var endorsements = planning.endorsements(goals);
        return goals.stream().map(g -> {
            GoalReport.OutcomeProgress o = outcomes.of(g);
            return new GoalSummary(g.id().value(), g.title(), g.teamId().value(), GoalViews.PeriodView.of(g.period()),
                    g.draft(), g.version(), GoalViews.OutcomeView.of(g, o), o.pace().status().name(),
                    EndorsementView.of(endorsements.get(g.id())));
        }).toList();
    }

    /** The same list as CSV. */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) UUID teamId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, HttpServletResponse response) throws IOException {
        csv.send(response, "goals.csv", GoalSummary.class, CsvWriter.Rows.of(list(teamId, from, to)));
    }

    @Operation(operationId = "createGoal", summary = "Set a goal")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<GoalView> create(@RequestBody NewGoal body, @AuthenticationPrincipal SignedInPerson me) {
        Goal goal = planning.set(body, me);
        return ResponseEntity.created(URI.create("/api/v1/goals/" + goal.id())).body(view(goal));
    }

    @Operation(operationId = "getGoal", summary = "Read a goal with its progress")
    @GetMapping("/{id}")
    GoalView get(@PathVariable UUID id) {
        return view(planning.get(new GoalId(id)));
    }

    @Operation(operationId = "listGoalCheckIns", summary = "A goal's check-ins")
    @GetMapping("/{id}/check-ins")
    List<CheckInView> checkIns(@PathVariable UUID id) {
        planning.get(new GoalId(id));
        return checkIns.of(new GoalId(id)).stream().map(CheckInView::of).toList();
    }

    @Operation(operationId = "checkInOnGoal", summary = "Check in on a goal")
    @PostMapping("/{id}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    CheckInView checkIn(@PathVariable UUID id, @RequestBody CheckIn.Input body, @AuthenticationPrincipal SignedInPerson me) {
        return CheckInView.of(checkIns.add(new GoalId(id), body, me));
    }

    @Operation(operationId = "listGoalRevisions", summary = "A goal's revisions")
    @GetMapping("/{id}/revisions")
    List<RevisionView> revisions(@PathVariable UUID id) {
        return planning.revisions(new GoalId(id)).stream().map(RevisionView::of).toList();
    }

    /** The next version of the goal; answers it as the revision that was kept. */
    @Operation(operationId = "reviseGoal", summary = "Revise a goal: its next version")
    @PostMapping("/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    RevisionView revise(@PathVariable UUID id, @RequestBody Change body, @AuthenticationPrincipal SignedInPerson me) {
        Goal after = planning.revise(new GoalId(id), body, me);
        return planning.revisions(after.id()).stream().filter(r -> r.version() == after.version()).findFirst()
                .map(RevisionView::of).orElseThrow();
    }

    @Operation(operationId = "listGoalEndorsements", summary = "Who endorsed a goal")
    @GetMapping("/{id}/endorsements")
    EndorsementView endorsements(@PathVariable UUID id) {
        return EndorsementView.of(planning.endorsements(planning.get(new GoalId(id))));
    }

    @Operation(operationId = "endorseGoal", summary = "Endorse a goal")
    @PostMapping("/{id}/endorsements")
    @ResponseStatus(HttpStatus.CREATED)
    EndorsementView endorse(@PathVariable UUID id, @RequestBody EndorseRequest body,
            @AuthenticationPrincipal SignedInPerson me) {
        return EndorsementView.of(planning.endorse(new GoalId(id), body.version(), me));
    }

    @Operation(operationId = "listGoalReviews", summary = "A goal's reviews")
    @GetMapping("/{id}/reviews")
    List<ReviewView> reviews(@PathVariable UUID id) {
        planning.get(new GoalId(id));
        return reviews.of(new GoalId(id)).stream().map(ReviewView::of).toList();
    }

    @Operation(operationId = "reviewGoal", summary = "Record a goal's review")
    @PostMapping("/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    GoalView review(@PathVariable UUID id, @RequestBody Reviews.Held body, @AuthenticationPrincipal SignedInPerson me) {
        return view(reviews.hold(new GoalId(id), body, me));
    }

    private GoalView view(Goal g) {
        Instant now = clock.instant();
        GoalReport report = progress.report(g, now);
        return new GoalView(g.id().value(), g.title(), g.teamId().value(), GoalViews.PeriodView.of(g.period()),
                g.cadence().name(), g.sponsorId() == null ? null : g.sponsorId().value(), g.draft(), g.version(),
                GoalViews.OutcomeView.of(g, report.outcome()),
                report.activities().stream().map(a -> GoalViews.ActivityView.of(g, a)).toList(), report.flags(),
                report.status().name(), EndorsementView.of(planning.endorsements(g)),
                reviewJobs.nextReviewAfter(g, g.period().today(now).minusDays(1)).orElse(null),
                store.commitments(g.id()).stream().map(GoalViews.CommitmentView::of).toList());
    }
}

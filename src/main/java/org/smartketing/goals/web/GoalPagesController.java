package org.smartketing.goals.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.goals.plan.ActivityKind;
import org.smartketing.goals.plan.Cadence;
import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.CheckIns;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.goals.plan.Measure;
import org.smartketing.goals.plan.Per;
import org.smartketing.goals.plan.Revision;
import org.smartketing.goals.progress.GoalProgress;
import org.smartketing.goals.progress.GoalReport;
import org.smartketing.goals.review.ReviewJobs;
import org.smartketing.goals.review.Reviews;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Goal pages: goals by team and period, setting a goal, a goal with its progress, my activities this week. */
@Controller
class GoalPagesController {

    private final GoalPlanning planning;
    private final GoalStore store;
    private final GoalProgress progress;
    private final CheckIns checkIns;
    private final Reviews reviews;
    private final ReviewJobs reviewJobs;
    private final TeamDirectory directory;
    private final Clock clock;

    GoalPagesController(GoalPlanning planning, GoalStore store, GoalProgress progress, CheckIns checkIns, Reviews reviews,
            ReviewJobs reviewJobs, TeamDirectory directory, Clock clock) {
        this.planning = planning;
        this.store = store;
        this.progress = progress;
        this.checkIns = checkIns;
        this.reviews = reviews;
        this.reviewJobs = reviewJobs;
        this.directory = directory;
        this.clock = clock;
    }

    /** One goal of the list: the goal, its outcome as of now and where it stands with management. */
    record Listed(Goal goal, GoalReport.OutcomeProgress outcome, String endorsement, String team) {
    }

    @GetMapping("/goals")
    String list(@RequestParam(required = false) UUID team, @RequestParam(defaultValue = "current") String period,
            Model model) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("UTC"));
        boolean all = "all".equals(period);
        Map<TeamId, String> teams = directory.teamNames();
        List<Goal> found = store.list(team == null ? null : new TeamId(team), all ? null : today, all ? null : today, 500);
        GoalProgress.Outcomes outcomes = progress.outcomes(found, now);
        var endorsements = planning.endorsements(found);
        List<Listed> goals = found.stream().map(g -> new Listed(g, outcomes.of(g), endorsements.get(g.id()).label(),
                teams.getOrDefault(g.teamId(), ""))).toList();
        model.addAttribute("goals", goals);
        model.addAttribute("teams", teams);
        model.addAttribute("team", team);
        model.addAttribute("period", all ? "all" : "current");
        return "goals/list";
    }

    @GetMapping("/goals/new")
    String newGoal(@AuthenticationPrincipal SignedInPerson me, Model model) {
        GoalForm form = new GoalForm();
        LocalDate today = LocalDate.now(clock.withZone(me.zone()));
        form.setQuarter(today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR));
        form.setMonth(today.toString().substring(0, 7));
        form.setZone(me.zone().getId());
        return form(form, null, model);
    }

    @PostMapping("/goals")
    String create(@ModelAttribute("form") GoalForm form, @AuthenticationPrincipal SignedInPerson me, Model model,
            RedirectAttributes redirect) {
        try {
            Goal goal = planning.set(form.goal(), me);
            redirect.addFlashAttribute("flash", "Goal set. Ask the heads of sales and marketing to endorse it.");
            return "redirect:/goals/" + goal.id();
        }
        catch (InvalidFieldException | FieldConflictException | RuleViolationException ex) {
            return form(form, problem(ex), model);
        }
    }

    @GetMapping("/goals/mine")
    String mine(@AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("rows", progress.thisWeek(me.id(), clock.instant()));
        return "goals/mine";
    }

    @GetMapping("/goals/{id}")
    String goal(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        Goal goal = planning.get(new GoalId(id));
        Instant now = clock.instant();
        GoalReport report = progress.report(goal, now);
        List<Revision> revisions = planning.revisions(goal.id());
        Set<PersonId> people = new java.util.LinkedHashSet<>(goal.owners());
        revisions.forEach(r -> {
            if (r.by() != null) {
                people.add(r.by());
            }
            r.plan().activities().forEach(a -> people.addAll(a.owners()));
        });
        var endorsements = planning.endorsements(goal);
        endorsements.all().forEach(e -> people.add(e.by()));
        List<CheckIn> history = checkIns.of(goal.id());
        history.forEach(c -> people.add(c.by()));
        var commitments = store.commitments(goal.id());
        commitments.forEach(c -> people.add(c.person()));
        if (goal.sponsorId() != null) {
            people.add(goal.sponsorId());
        }
        List<PersonSummary> members = directory.membersOf(goal.teamId());
        members.forEach(m -> people.add(m.id()));
        Map<PersonId, String> names = new LinkedHashMap<>();
        directory.people(people).forEach((pid, p) -> names.put(pid, p.displayName()));
        model.addAttribute("goal", goal);
        model.addAttribute("report", report);
        model.addAttribute("chart", Chart.of(report));
        model.addAttribute("team", directory.teamName(goal.teamId()).orElse(""));
        model.addAttribute("revisions", revisions);
        model.addAttribute("firstSet", revisions.get(0));
        model.addAttribute("endorsements", endorsements);
        List<CheckIn> newestFirst = new ArrayList<>(history);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("checkIns", newestFirst);
        model.addAttribute("commitments", commitments);
        model.addAttribute("reviews", reviews.of(goal.id()));
        model.addAttribute("nextReview", reviewJobs.nextReviewAfter(goal, goal.period().today(now).minusDays(1)).orElse(null));
        model.addAttribute("names", names);
        model.addAttribute("members", members);
        model.addAttribute("mayChange", planning.mayChange(goal, me));
        model.addAttribute("mayEndorse", me.id().equals(goal.sponsorId()) || me.role().compareTo(AppRole.MANAGER) >= 0);
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("pers", Per.values());
        return "goals/goal";
    }

    @PostMapping("/goals/{id}/check-ins")
    String checkIn(@PathVariable UUID id, @ModelAttribute CheckIn.Input form, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        return act(id, redirect, "Check-in saved.", () -> checkIns.add(new GoalId(id), form, me));
    }

    @PostMapping("/goals/{id}/endorsements")
    String endorse(@PathVariable UUID id, @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        return act(id, redirect, "Endorsed.", () -> planning.endorse(new GoalId(id), version, me));
    }

    @PostMapping("/goals/{id}/reviews")
    String review(@PathVariable UUID id, @ModelAttribute ReviewForm form, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        return act(id, redirect, "Review saved.", () -> reviews.hold(new GoalId(id), form.held(), me));
    }

    private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        }
        catch (InvalidFieldException | FieldConflictException | RuleViolationException ex) {
            redirect.addFlashAttribute("flash", "Not saved: " + problem(ex));
        }
        return "redirect:/goals/" + id;
    }

    private String form(GoalForm form, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("teams", directory.teams());
        model.addAttribute("people", directory.enabledPeople());
        model.addAttribute("sponsors", directory.enabledPeople().stream()
                .filter(p -> p.appRole().compareTo(AppRole.MANAGER) >= 0).toList());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("pers", Per.values());
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("zones", zones(form.getZone()));
        return "goals/form";
    }

    private static List<String> zones(String current) {
        List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        if (current != null && !zones.contains(current)) {
            zones.add(0, current);
        }
        return zones;
    }

    static String problem(RuntimeException ex) {
        String field = ex instanceof InvalidFieldException f ? f.field() : ex instanceof FieldConflictException c ? c.field()
                : null;
        return (field == null ? "" : FieldNames.of(field) + ": ") + ex.getMessage();
    }

    /** Field paths in people's words: "activities[1].ownerIds" → "Activity 2, owners". */
    static final class FieldNames {

        private FieldNames() {
        }

        static String of(String field) {
            String f = field;
            StringBuilder words = new StringBuilder();
            if (f.startsWith("activities[")) {
                int close = f.indexOf(']');
                words.append("Activity ").append(Integer.parseInt(f.substring(11, close)) + 1);
                f = close + 2 <= f.length() ? f.substring(Math.min(close + 2, f.length())) : "";
                if (!f.isEmpty()) {
                    words.append(", ");
                }
            }
            words.append(Arrays.stream(f.split("\\.")).map(FieldNames::word).filter(w -> !w.isEmpty())
                    .reduce((a, b) -> a + ", " + b).orElse(""));
            return words.toString();
        }

        private static String word(String part) {
            return switch (part) {
                case "ownerIds" -> "owners";
                case "endsOn" -> "last day";
                case "startsOn" -> "first day";
                case "teamId" -> "team";
                case "sponsorId" -> "sponsor";
                case "type" -> "type";
                case "target", "outcomeTarget" -> "target";
                default -> part;
            };
        }
    }
}

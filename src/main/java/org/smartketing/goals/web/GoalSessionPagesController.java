package org.smartketing.goals.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.smartketing.goals.plan.ActivityKind;
import org.smartketing.goals.plan.Measure;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.session.GoalSession;
import org.smartketing.goals.session.GoalSessions;
import org.smartketing.goals.session.Step;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.MeetingSummaries;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The goal session's pages: starting one (also from a meeting: {@code ?meetingId=}) and the live
 * page every participant has open, whose live part htmx re-fetches every 2 s like the meeting
 * runner's, with the forms outside it so polling never eats what someone types.
 */
@Controller
class GoalSessionPagesController {

    private final GoalSessions sessions;
    private final TeamDirectory directory;
    private final MeetingSummaries meetings;
    private final Clock clock;

    GoalSessionPagesController(GoalSessions sessions, TeamDirectory directory, MeetingSummaries meetings, Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.meetings = meetings;
        this.clock = clock;
    }

    @GetMapping("/goal-sessions/new")
    String newSession(@RequestParam(required = false) UUID meetingId, @AuthenticationPrincipal SignedInPerson me,
            Model model) {
        LocalDate today = LocalDate.now(clock.withZone(me.zone()));
        model.addAttribute("quarter", today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR));
        model.addAttribute("teams", directory.teams());
        model.addAttribute("measures", Arrays.stream(Measure.values()).filter(m -> !m.amount()).toList());
        model.addAttribute("meeting", meetingId == null ? null : meetings.meeting(new MeetingId(meetingId)).orElse(null));
        return "goals/session-new";
    }

    @PostMapping("/goal-sessions")
    String start(@RequestParam(required = false) UUID teamId, @RequestParam(required = false) UUID meetingId,
            @RequestParam(required = false) String title, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String measure, @RequestParam(required = false) BigDecimal target,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        try {
            GoalSession s = sessions.start(new GoalSessions.NewSession(teamId, meetingId, title,
                    new Period.Input(quarter, null, null, null), null, new Outcome.Input(measure, target, null)), me);
            return "redirect:/goal-sessions/" + s.id();
        }
        catch (InvalidFieldException | FieldConflictException | RuleViolationException ex) {
            redirect.addFlashAttribute("flash", "Not started: " + GoalPagesController.problem(ex));
            return "redirect:/goal-sessions/new" + (meetingId == null ? "" : "?meetingId=" + meetingId);
        }
    }

    /** The session; with HX-Request only its live part, which the page polls every two seconds. */
    @GetMapping("/goal-sessions/{id}")
    String session(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("b", sessions.board(id));
        model.addAttribute("me", me);
        model.addAttribute("steps", Step.timed());
        model.addAttribute("kinds", ActivityKind.values());
        return htmx != null ? "goals/session :: live" : "goals/session";
    }

    @PostMapping("/goal-sessions/{id}/participants")
    String join(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        return act(id, redirect, () -> sessions.join(id, me));
    }

    @PostMapping("/goal-sessions/{id}/proposals")
    String propose(@PathVariable UUID id, @RequestParam(required = false) String type,
            @RequestParam(required = false) String note, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> sessions.propose(id, new GoalSessions.Proposing(type, note), me));
    }

    @PostMapping("/goal-sessions/{id}/votes")
    String vote(@PathVariable UUID id, @RequestParam(required = false) UUID proposalId,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        return act(id, redirect, () -> sessions.vote(id, proposalId, me));
    }

    @PostMapping("/goal-sessions/{id}/proposals/{proposalId}")
    String targets(@PathVariable UUID id, @PathVariable UUID proposalId, @RequestParam(required = false) Integer target,
            @RequestParam(required = false) String per, @RequestParam(required = false) List<UUID> ownerIds,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        return act(id, redirect, () -> sessions.setTargets(id, proposalId, new GoalSessions.Targets(target, per, ownerIds), me));
    }

    @PostMapping("/goal-sessions/{id}/commitments")
    String commit(@PathVariable UUID id, @RequestParam(required = false) String text,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        return act(id, redirect, () -> sessions.commit(id, text, me));
    }

    @PostMapping("/goal-sessions/{id}/step")
    String move(@PathVariable UUID id, @RequestParam(required = false) String step,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        return act(id, redirect, () -> sessions.move(id, step, me));
    }

    private String act(UUID id, RedirectAttributes redirect, Supplier<?> action) {
        try {
            action.get();
        }
        catch (InvalidFieldException | FieldConflictException | RuleViolationException ex) {
            redirect.addFlashAttribute("flash", "Not saved: " + GoalPagesController.problem(ex));
        }
        return "redirect:/goal-sessions/" + id;
    }
}

package org.smartketing.insights.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The self-assessment's pages: the answer form, the results of a round, and the admin's open and close. */
@Controller
class SelfAssessmentPagesController {

    /** A dimension's statements as the form shows them. */
    record Group(Dimension dimension, List<Statement> statements) {
    }

    static final List<Group> GROUPS = java.util.Arrays.stream(Dimension.values())
            .map(d -> new Group(d, Statement.of(d))).toList();

    private final SelfAssessments assessments;

    SelfAssessmentPagesController(SelfAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/self-assessment")
    String form(@AuthenticationPrincipal SignedInPerson me, Model model) {
        var round = assessments.current().orElse(null);
        model.addAttribute("round", round);
        model.addAttribute("answered", round != null && assessments.answered(round.id(), me.id()));
        model.addAttribute("groups", GROUPS);
        model.addAttribute("rounds", assessments.rounds());
        model.addAttribute("me", me);
        return "insights/self-assessment";
    }

    @PostMapping("/self-assessment")
    String answer(@RequestParam Map<String, String> params, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        assessments.answer(scores(params), me);
        redirect.addFlashAttribute("flash", "Thank you: your answers are in. They count only within your department's "
                + "group, and show once five or more have answered.");
        return "redirect:/self-assessment";
    }

    @GetMapping("/self-assessment/rounds/{id}")
    String results(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        var results = assessments.results(id, me.zone());
        var day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);
        model.addAttribute("results", results);
        model.addAttribute("period", day.format(results.from()) + " to " + day.format(results.to()));
        model.addAttribute("sides", SelfAssessments.Side.values());
        model.addAttribute("group", SelfAssessments.GROUP);
        return "insights/self-assessment-results";
    }

    @PostMapping("/admin/self-assessment/open")
    String open(RedirectAttributes redirect) {
        var round = assessments.openThisQuarter("admin");
        redirect.addFlashAttribute("flash", "The " + round.quarter() + " round is open.");
        return "redirect:/self-assessment";
    }

    @PostMapping("/admin/self-assessment/rounds/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        var round = assessments.close(id);
        redirect.addFlashAttribute("flash", "The " + round.quarter() + " round is closed.");
        return "redirect:/self-assessment";
    }

    /** The form's scores by statement key; anything else posted (the CSRF token) is not a score. */
    static Map<String, Integer> scores(Map<String, String> params) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Statement s : Statement.values()) {
            String value = params.get(s.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                scores.put(s.key(), Integer.valueOf(value.strip()));
            }
            catch (NumberFormatException ex) {
                throw new InvalidFieldException(s.key(), "must be a score from 1 to 5");
            }
        }
        return scores;
    }
}

package org.smartketing.funnel.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.web.OutdatedForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's scoring page: the MQL threshold, fit rules and engagement rules, one form each.
 * Every form carries the version of the rules the page showed; a change based on an older one is
 * not saved, and the page shows the rules as they now are, with the change still in its form.
 */
@Controller
@RequestMapping("/admin/scoring")
class ScoringAdminController {

    record ThresholdForm(@NotNull @Min(1) @Max(100_000) Integer mqlThreshold) {
    }

    private final LeadScoring scoring;

    ScoringAdminController(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/threshold")
    String threshold(@Valid @ModelAttribute("thresholdForm") ThresholdForm form, BindingResult errors,
            @RequestParam int version, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model);
        }
        ScoringRules changed = scoring.rules().withMqlThreshold(form.mqlThreshold()).basedOn(version);
        if (save(changed, errors, model, response)) {
            redirect.addFlashAttribute("flash", "Leads become MQLs at a score of " + form.mqlThreshold() + ".");
            return "redirect:/admin/scoring";
        }
        return page(model);
    }

    @PostMapping("/fit-rules")
    String addFit(@Valid @ModelAttribute("fitForm") ScoringInput.Fit form, BindingResult errors,
            @RequestParam int version, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            ScoringRules now = scoring.rules();
            List<FitRule> fit = new ArrayList<>(now.fitRules());
            fit.add(form.rule());
            if (save(now.withFitRules(fit).basedOn(version), errors, model, response)) {
                redirect.addFlashAttribute("flash", "Added the fit rule “" + form.rule().describe() + "”.");
                return "redirect:/admin/scoring";
            }
        }
        return page(model);
    }

    @PostMapping("/fit-rules/{id}/remove")
    String removeFit(@PathVariable UUID id, @RequestParam int version, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ScoringRules now = scoring.rules();
        ScoringRules changed = now.withFitRules(now.fitRules().stream().filter(r -> !r.id().equals(id)).toList());
        return saved(changed.basedOn(version), "Removed the fit rule.", model, response, redirect);
    }

    /** Adds a rule for the activity type, or replaces the one it has. */
    @PostMapping("/engagement-rules")
    String putEngagement(@Valid @ModelAttribute("engagementForm") ScoringInput.Engagement form, BindingResult errors,
            @RequestParam int version, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            EngagementRule rule = form.rule();
            ScoringRules now = scoring.rules();
            List<EngagementRule> engagement = new ArrayList<>(now.engagementRules().stream()
                    .map(r -> r.activityType().equals(rule.activityType()) ? rule : r).toList());
            if (now.engagementRule(rule.activityType()).isEmpty()) {
                engagement.add(rule);
            }
            if (save(now.withEngagementRules(engagement).basedOn(version), errors, model, response)) {
                redirect.addFlashAttribute("flash", "Saved the rule for " + rule.activityType() + ".");
                return "redirect:/admin/scoring";
            }
        }
        return page(model);
    }

    @PostMapping("/engagement-rules/{type}/remove")
    String removeEngagement(@PathVariable String type, @RequestParam int version, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ScoringRules now = scoring.rules();
        ScoringRules changed = now.withEngagementRules(
                now.engagementRules().stream().filter(r -> !r.activityType().equals(type)).toList());
        return saved(changed.basedOn(version), "Removed the rule for " + type + ".", model, response, redirect);
    }

    /** A change without a form of its own: saved and back to the page, or the page again when it came too late. */
    private String saved(ScoringRules rules, String flash, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            scoring.replaceRules(rules);
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/admin/scoring";
        }
        catch (StaleVersionException ex) {
            return stale(model, response);
        }
    }

    private boolean save(ScoringRules rules, BindingResult errors, Model model, HttpServletResponse response) {
        try {
            scoring.replaceRules(rules);
            return true;
        }
        catch (StaleVersionException ex) {
            stale(model, response);
            return false;
        }
        catch (InvalidFieldException ex) {
            errors.rejectValue(ex.field().substring(ex.field().lastIndexOf('.') + 1), "invalid", ex.getMessage());
            return false;
        }
    }

    private String stale(Model model, HttpServletResponse response) {
        OutdatedForms.explain(model, response, "the scoring rules");
        return page(model);
    }

    private String page(Model model) {
        ScoringRules rules = scoring.rules();
        model.addAttribute("rules", rules);
        if (!model.containsAttribute("thresholdForm")) {
            model.addAttribute("thresholdForm", new ThresholdForm(rules.mqlThreshold()));
        }
        if (!model.containsAttribute("fitForm")) {
            model.addAttribute("fitForm", new ScoringInput.Fit(null, FitRule.Field.COUNTRY, FitRule.Operator.EQUALS, null, 10));
        }
        if (!model.containsAttribute("engagementForm")) {
            model.addAttribute("engagementForm", new ScoringInput.Engagement(null, 10, 30));
        }
        model.addAttribute("fields", FitRule.Field.values());
        model.addAttribute("operators", FitRule.Operator.values());
        return "funnel/scoring";
    }
}

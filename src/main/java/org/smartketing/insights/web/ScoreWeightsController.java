package org.smartketing.insights.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smartketing.insights.score.ScoreComponent;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.ScoreWeights;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.shared.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The admins' page for the score's weights and targets, with every change before it. Targets are
 * entered as people read them: shares in percent, speed to lead in hours, goal pace in percent of
 * plan. A form that does not add up to 100 comes back with what was entered and why (400).
 */
@Controller
class ScoreWeightsController {

    /** A row of the form: the component, what is entered for it now, and how its target reads. */
    record Row(String key, String label, String weight, String target, String unit, String direction) {
    }

    /** A change as the history shows it: when, who, and what changed in words. */
    record ChangeRow(java.time.Instant at, String by, List<String> changes) {
    }

    private final SmartketingScores scores;

    ScoreWeightsController(SmartketingScores scores) {
        this.scores = scores;
    }

    @GetMapping("/insights/score/weights")
    String form(Locale locale, Model model) {
        ScoreWeights w = scores.weights();
        Map<String, String> entered = new LinkedHashMap<>();
        for (ScoreComponent c : ScoreComponent.values()) {
            entered.put("weight." + c.key(), String.valueOf(w.weight(c)));
            entered.put("target." + c.key(), plain(shown(c, w.target(c))));
        }
        return page(entered, locale, model);
    }

    @PostMapping("/insights/score/weights")
    String change(@RequestParam Map<String, String> params, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Map<String, Integer> weights = new LinkedHashMap<>();
            Map<String, Double> targets = new LinkedHashMap<>();
            for (ScoreComponent c : ScoreComponent.values()) {
                String weight = params.get("weight." + c.key());
                if (weight != null) {
                    weights.put(c.key(), whole("weights." + c.key(), weight));
                }
                String target = params.get("target." + c.key());
                if (target != null) {
                    targets.put(c.key(), stored(c, number("targets." + c.key(), target)));
                }
            }
            scores.change(weights, targets);
        }
        catch (InvalidFieldException ex) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formErrors", List.of(label(ex.field()) + ": " + ex.getMessage()));
            model.addAttribute("invalidField", ex.field());
            return page(params, locale, model);
        }
        redirect.addFlashAttribute("flash", "The score's weights are saved; the score uses them from now on.");
        return "redirect:/insights/score/weights";
    }

    private String page(Map<String, String> entered, Locale locale, Model model) {
        List<Row> rows = java.util.Arrays.stream(ScoreComponent.values()).map(c -> new Row(c.key(), c.label(),
                entered.getOrDefault("weight." + c.key(), ""), entered.getOrDefault("target." + c.key(), ""),
                c.unit() == ScoreComponent.Unit.HOURS ? "hours" : c == ScoreComponent.GOAL_PACE ? "% of plan" : "%",
                c.higherIsBetter() ? "or more" : "or less")).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", ScoreWeights.TOTAL);
        model.addAttribute("changes", changes(new ScoreTexts(locale)));
        return "insights/weights";
    }

    private List<ChangeRow> changes(ScoreTexts texts) {
        return scores.changes(50).stream().map(c -> {
            List<String> lines = new java.util.ArrayList<>();
            for (ScoreComponent k : ScoreComponent.values()) {
                Map<String, Number> before = c.before().get(k.key());
                Map<String, Number> after = c.after().get(k.key());
                if (before == null || after == null) {
                    continue;
                }
                int wb = before.get("weight").intValue();
                int wa = after.get("weight").intValue();
                if (wb != wa) {
                    lines.add(k.label() + ": weight " + wb + " → " + wa);
                }
                double tb = before.get("target").doubleValue();
                double ta = after.get("target").doubleValue();
                if (Math.abs(tb - ta) > 1e-9) {
                    lines.add(k.label() + ": target " + texts.value(k, tb) + " → " + texts.value(k, ta));
                }
            }
            return new ChangeRow(c.at(), c.by(), lines);
        }).toList();
    }

    /** What the form shows for a stored target: percent for shares and the goal pace, hours as they are. */
    static double shown(ScoreComponent c, double target) {
        return c.unit() == ScoreComponent.Unit.PERCENT ? target * 100 : target;
    }

    static double stored(ScoreComponent c, double entered) {
        return c.unit() == ScoreComponent.Unit.PERCENT ? entered / 100 : entered;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static int whole(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidFieldException(field, "must be a whole number from 0 to 100");
        }
    }

    private static double number(String field, String text) {
        try {
            double value = Double.parseDouble(text.strip().replace(',', '.'));
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (NumberFormatException ex) {
            throw new InvalidFieldException(field, "must be a number");
        }
    }

    /** The field in words: "Weights" for their sum, "SLA adherence, target" for one. */
    private static String label(String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            return "Weights";
        }
        String what = field.substring(0, dot);
        return ScoreComponent.ofKey(field.substring(dot + 1)).map(c -> c.label() + ", " + (what.equals("weights")
                ? "weight" : "target")).orElse(field);
    }
}

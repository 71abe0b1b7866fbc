package org.smartketing.insights.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.score.ScoreComponent;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.ScoreTrend;
import org.smartketing.insights.score.ScoreWeights;
import org.smartketing.insights.score.SmartketingScore;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The smart-keting score over JSON: the score for a filter, its weekly history, its weights. */
@RestController
@RequestMapping("/api/v1/insights/score")
@Tag(name = "Insights: smart-keting score")
class ScoreApiController {

    /** A component as scored; {@code value} and {@code points} null without data; {@code rows} the tile's API address. */
    record ComponentView(String key, String label, int weight, Double effectiveWeight, Double value, double target,
            Double points, String unit, boolean higherIsBetter, String rows) {

        static ComponentView of(SmartketingScore.Component c, InsightFilter filter) {
            return new ComponentView(c.key().key(), c.key().label(), c.weight(), round(c.effectiveWeight(), 2),
                    c.value(), c.target(), c.points() == null ? null : round(c.points(), 2), c.key().unit().name(),
                    c.key().higherIsBetter(), filter == null ? null : c.key().measure().link().href(filter));
        }
    }

    record ScoreView(Double score, LocalDate from, LocalDate to, String zone, boolean redistributed,
            List<ComponentView> components) {
    }

    record WeekView(LocalDate weekStart, Double score, Double change, String movedMost, String explanation,
            List<ComponentView> components) {
    }

    record HistoryView(List<WeekView> weeks) {
    }

    record WeightsView(Map<String, Integer> weights, Map<String, Double> targets) {

        static WeightsView of(ScoreWeights w) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            Map<String, Double> targets = new LinkedHashMap<>();
            for (ScoreComponent c : ScoreComponent.values()) {
                weights.put(c.key(), w.weight(c));
                targets.put(c.key(), w.target(c));
            }
            return new WeightsView(weights, targets);
        }
    }

    record WeightsRequest(Map<String, Integer> weights, Map<String, Double> targets) {
    }

    record ChangeView(Instant at, UUID byId, String by, Map<String, Map<String, Number>> before,
            Map<String, Map<String, Number>> after) {
    }

    private final SmartketingScores scores;
    private final Clock clock;

    ScoreApiController(SmartketingScores scores, Clock clock) {
        this.scores = scores;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "getSmartketingScore", summary = "The score over a filter (from, to, team, source, campaign: as the tiles take them)",
            description = "Each component with its weight, the weight after components without data were shared "
                    + "out, measured value, target and points; rows is the tile whose table is behind it.")
    ScoreView score(@RequestParam Map<String, String> params, @AuthenticationPrincipal SignedInPerson me) {
        InsightFilter filter = InsightFilter.parse(params, zone(me), clock);
        SmartketingScore s = scores.score(filter).score();
        return new ScoreView(s.score() == null ? null : round(s.score(), 1), filter.from(), filter.to(),
                filter.zone().getId(), s.redistributed(),
                s.components().stream().map(c -> ComponentView.of(c, filter)).toList());
    }

    @GetMapping("/history")
    @Operation(operationId = "getSmartketingScoreHistory", summary = "The weekly snapshots (Monday to Sunday, UTC), oldest first, each change explained")
    HistoryView history(@RequestParam(required = false) String weeks) {
        int n = weeks(weeks);
        ScoreTrend trend = scores.trend(n, new ScoreTexts(LocaleContextHolder.getLocale()));
        return new HistoryView(trend.weeks().stream().map(w -> new WeekView(w.weekStart(),
                w.score() == null ? null : round(w.score(), 1), w.change() == null ? null : round(w.change(), 1),
                w.movedMost() == null ? null : w.movedMost().key(), w.explanation(),
                w.detail().components().stream().map(c -> ComponentView.of(c, SmartketingScores.week(w.weekStart())))
                        .toList())).toList());
    }

    @GetMapping("/weights")
    @Operation(operationId = "getScoreWeights", summary = "The weights (whole points, together 100) and targets of the components")
    WeightsView weights() {
        return WeightsView.of(scores.weights());
    }

    @PutMapping("/weights")
    @Operation(operationId = "changeScoreWeights", summary = "Changes weights and targets (admins)", description = "Components left out keep theirs; "
            + "weights must add up to 100, else 400 naming weights (or weights.<key>, targets.<key>).")
    WeightsView change(@RequestBody WeightsRequest request, @AuthenticationPrincipal SignedInPerson me) {
        if (me == null || !me.isAdmin()) {
            throw new NotPermittedException("Only admins change the score's weights.");
        }
        if (request == null || (request.weights() == null && request.targets() == null)) {
            throw new InvalidFieldException("weights", "is required");
        }
        return WeightsView.of(scores.change(request.weights(), request.targets()));
    }

    @GetMapping("/weights/history")
    @Operation(operationId = "listScoreWeightChanges", summary = "Every change of the weights, newest first: who, when, before and after")
    List<ChangeView> changes() {
        return scores.changes(200).stream()
                .map(c -> new ChangeView(c.at(), c.byId(), c.by(), c.before(), c.after())).toList();
    }

    static int weeks(String text) {
        if (text == null || text.isBlank()) {
            return 13;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= 104) {
                return n;
            }
        }
        catch (NumberFormatException ex) {
            // the message below
        }
        throw new InvalidFieldException("weeks", "must be a whole number from 1 to 104");
    }

    static ZoneId zone(SignedInPerson me) {
        return me == null ? ZoneOffset.UTC : me.zone();
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

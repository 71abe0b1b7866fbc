package org.smartketing.insights.score;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightMeasures;
import org.smartketing.insights.InsightTiles;
import org.smartketing.team.AuditLog;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The smart-keting score: scored live over any filter from the measured values, with the weights
 * and targets an admin set (every change kept: who, when, before and after, also in the audit
 * log); and the weekly snapshots, taken once per week (Monday to Sunday, UTC) over the whole
 * company, that make its trend.
 */
@Service
@Transactional(readOnly = true)
public class SmartketingScores {

    /** How many weeks the snapshot job fills in when it finds some missing (the app was down). */
    static final int CATCH_UP_WEEKS = 4;

    private static final Logger log = LoggerFactory.getLogger(SmartketingScores.class);

    private final InsightTiles tiles;
    private final ScoreStore store;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    SmartketingScores(InsightTiles tiles, ScoreStore store, AuditLog audit, JsonMapper json, Clock clock) {
        this.tiles = tiles;
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A score with the measured values it was built from and the filter they were measured over. */
    public record Scored(InsightFilter filter, InsightMeasures measures, SmartketingScore score) {
    }

    /** The score over the filter with the weights as set now. */
    public Scored score(InsightFilter filter) {
        return score(filter, tiles.measures(filter));
    }

    /** The score of values already measured over the filter (a page that computed the tiles anyway). */
    public Scored score(InsightFilter filter, InsightMeasures measures) {
        return new Scored(filter, measures, SmartketingScore.of(ScoreComponent.valuesIn(measures), store.weights()));
    }

    public ScoreWeights weights() {
        return store.weights();
    }

    /**
     * Changes weights and targets by component key (a key left out keeps its own). Refused whole,
     * naming the field, when they do not add up to 100 or a value is out of range.
     */
    @Transactional
    public ScoreWeights change(Map<String, Integer> weights, Map<String, Double> targets) {
        ScoreWeights before = store.weights();
        ScoreWeights after = ScoreWeights.of(weights, targets, before);
        if (after.equals(before)) {
            return before;
        }
        store.replaceWeights(after);
        var who = SignedInPerson.current();
        store.addChange(clock.instant(), who.map(p -> p.id().value()).orElse(null),
                who.map(SignedInPerson::email).orElse(AuditLog.SYSTEM), json.writeValueAsString(before.byKey()),
                json.writeValueAsString(after.byKey()));
        audit.record("insights-score-weights", "smartketing-score", "changed", before.byKey(), after.byKey());
        return after;
    }

    /** A change of the weights as kept: who, when, the weights and targets before and after. */
    public record WeightChange(Instant at, UUID byId, String by, Map<String, Map<String, Number>> before,
            Map<String, Map<String, Number>> after) {
    }

    /** The changes of the weights, newest first. */
    @SuppressWarnings("unchecked")
    public List<WeightChange> changes(int limit) {
        return store.changes(limit).stream().map(c -> new WeightChange(c.at(), c.byId(), c.by(),
                json.readValue(c.before(), Map.class), json.readValue(c.after(), Map.class))).toList();
    }

    /** The Monday of the last week that has ended (in UTC). */
    public LocalDate lastWeekStart() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
    }

    /** The whole company's filter over the week that starts on {@code monday} (UTC). */
    public static InsightFilter week(LocalDate monday) {
        return new InsightFilter(monday, monday.plusDays(6), ZoneOffset.UTC, null, null, null);
    }

    /**
     * Takes the snapshot of the week that starts on {@code monday} unless it was taken: whether
     * this call took it. Run twice, on two nodes at once or again after a restart, it keeps one.
     */
    @Transactional
    public boolean snapshot(LocalDate monday) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
        SmartketingScore score = score(week(monday)).score();
        return store.addSnapshot(monday, score, clock.instant());
    }

    /** What the weekly job does: the last week's snapshot, and any of the few before it that are missing. */
    @Transactional
    public int snapshotMissingWeeks() {
        LocalDate last = lastWeekStart();
        LocalDate first = last.minusWeeks(CATCH_UP_WEEKS - 1);
        var taken = store.snapshots(first).stream().map(ScoreStore.Snapshot::weekStart).collect(java.util.stream.Collectors.toSet());
        int added = 0;
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            if (!taken.contains(week) && snapshot(week)) {
                added++;
            }
        }
        log.info("Smart-keting score: {} weekly snapshot(s) taken up to the week of {}", added, last);
        return added;
    }

    /** Keeps a week's score as given (demo history); false when the week has one. */
    @Transactional
    public boolean keep(LocalDate monday, SmartketingScore score, Instant at) {
        return store.addSnapshot(monday, score, at);
    }

    /** The weekly scores of the last {@code weeks} weeks that have ended, oldest first, each change explained. */
    public ScoreTrend trend(int weeks, ScoreTexts texts) {
        LocalDate from = lastWeekStart().minusWeeks(Math.max(1, weeks) - 1L);
        List<ScoreTrend.Point> points = store.snapshots(from).stream()
                .map(s -> new ScoreTrend.Point(s.weekStart(), s.score())).toList();
        return ScoreTrend.of(points, texts);
    }
}

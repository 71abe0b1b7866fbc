package org.smartketing.insights.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The score's weights with their history, and the weekly snapshots. */
@Repository
class ScoreStore {

    private final JdbcClient jdbc;

    ScoreStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The weights as set; the defaults until an admin has set them (or when a component is missing). */
    ScoreWeights weights() {
        Map<ScoreComponent, Integer> w = new EnumMap<>(ScoreComponent.class);
        Map<ScoreComponent, Double> t = new EnumMap<>(ScoreComponent.class);
        jdbc.sql("SELECT component_key, weight, target FROM insight_score_weight").query(rs -> {
            ScoreComponent.ofKey(rs.getString("component_key")).ifPresent(c -> {
                try {
                    w.put(c, rs.getInt("weight"));
                    t.put(c, rs.getBigDecimal("target").doubleValue());
                }
                catch (java.sql.SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        });
        if (w.size() != ScoreComponent.values().length) {
            return ScoreWeights.defaults();
        }
        return new ScoreWeights(w, t);
    }

    void replaceWeights(ScoreWeights weights) {
        jdbc.sql("DELETE FROM insight_score_weight").update();
        for (ScoreComponent c : ScoreComponent.values()) {
            jdbc.sql("INSERT INTO insight_score_weight (component_key, weight, target) VALUES (?, ?, ?)")
                    .params(c.key(), weights.weight(c), BigDecimal.valueOf(weights.target(c))).update();
        }
    }

    void addChange(Instant at, UUID byId, String by, String before, String after) {
        jdbc.sql("INSERT INTO insight_score_weight_change (id, changed_at, changed_by_id, changed_by, before_state, "
                + "after_state) VALUES (?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), Sql.utc(at), byId, by, before, after)
                .update();
    }

    /** A change of the weights: who, when, the whole set before and after (JSON). */
    record Change(Instant at, UUID byId, String by, String before, String after) {
    }

    List<Change> changes(int limit) {
        return jdbc.sql("SELECT * FROM insight_score_weight_change ORDER BY changed_at DESC, id LIMIT ?").param(limit)
                .query((rs, n) -> new Change(Sql.instant(rs, "changed_at"), Sql.uuid(rs, "changed_by_id"),
                        rs.getString("changed_by"), rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }

    /** Whether this call took the week's snapshot (false: it was taken already). */
    boolean addSnapshot(LocalDate weekStart, SmartketingScore score, Instant at) {
        int added = jdbc.sql("INSERT INTO insight_score_snapshot (week_start, score, taken_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(weekStart,
                        score.score() == null ? null : BigDecimal.valueOf(score.score()).setScale(2, java.math.RoundingMode.HALF_UP),
                        Sql.utc(at)).update();
        if (added == 0) {
            return false;
        }
        for (SmartketingScore.Component c : score.components()) {
            jdbc.sql("INSERT INTO insight_score_snapshot_part (week_start, component_key, weight, measured, target, "
                    + "effective_weight, points) VALUES (?, ?, ?, ?, ?, ?, ?)").params(weekStart, c.key().key(), c.weight(),
                            c.value(), BigDecimal.valueOf(c.target()), c.effectiveWeight(), c.points()).update();
        }
        return true;
    }

    /** A week's snapshot: the week's first day (a Monday) and its score as taken. */
    record Snapshot(LocalDate weekStart, Instant takenAt, SmartketingScore score) {
    }

    /** The snapshots of the weeks from {@code from} on (inclusive), oldest first. */
    List<Snapshot> snapshots(LocalDate from) {
        Map<LocalDate, List<SmartketingScore.Component>> parts = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM insight_score_snapshot_part WHERE week_start >= ? ORDER BY week_start").param(from)
                .query(rs -> {
                    ScoreComponent c = ScoreComponent.ofKey(rs.getString("component_key")).orElse(null);
                    if (c != null) {
                        parts.computeIfAbsent(rs.getObject("week_start", LocalDate.class), k -> new ArrayList<>())
                                .add(new SmartketingScore.Component(c, rs.getInt("weight"),
                                        (Double) rs.getObject("measured", Double.class), rs.getBigDecimal("target").doubleValue(),
                                        rs.getDouble("effective_weight"), (Double) rs.getObject("points", Double.class)));
                    }
                });
        return jdbc.sql("SELECT * FROM insight_score_snapshot WHERE week_start >= ? ORDER BY week_start").param(from)
                .query((rs, n) -> {
                    LocalDate week = rs.getObject("week_start", LocalDate.class);
                    BigDecimal score = rs.getBigDecimal("score");
                    List<SmartketingScore.Component> components = new ArrayList<>(parts.getOrDefault(week, List.of()));
                    components.sort(java.util.Comparator.comparing(SmartketingScore.Component::key));
                    return new Snapshot(week, Sql.instant(rs, "taken_at"),
                            new SmartketingScore(score == null ? null : score.doubleValue(), components));
                }).list();
    }
}

package org.smartketing.funnel.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.CommittedCache;
import org.smartketing.shared.NodeSignals;
import org.smartketing.shared.Sql;
import org.smartketing.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scoring tables: fit rules, engagement rules and the threshold, replaced as a whole. Every
 * lead that comes in is scored, so the rules are kept for a few seconds; replacing them forgets
 * them at once on this node and on the others once the change commits ({@link NodeSignals}; within
 * {@link #REMEMBERED} at the latest, which the rescoring waits for). What an admin edits
 * is read as stored ({@link #stored()}), so its version is never one a remembered copy holds.
 */
@Repository
class ScoringRulebook {

    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final CommittedCache<Boolean, ScoringRules> remembered;

    ScoringRulebook(JdbcClient jdbc, NodeSignals signals) {
        this.jdbc = jdbc;
        this.remembered = new CommittedCache<Boolean, ScoringRules>(REMEMBERED, 1).sharedThrough(signals, "scoring-rules");
    }

    /**
     * Where the scoring of every lead after a rule change stands: asked for at {@code requestedAt},
     * done up to the lead {@code afterLead} (in id order; none yet when null).
     */
    record Rescore(Instant requestedAt, UUID afterLead) {
    }

    /** The rescoring of every lead still to do, if one was asked for. */
    Optional<Rescore> pendingRescore() {
        return jdbc.sql("SELECT requested_at, after_lead FROM scoring_rescore WHERE id = 1 AND requested_at IS NOT NULL")
                .query((rs, n) -> new Rescore(Sql.instant(rs, "requested_at"), Sql.uuid(rs, "after_lead")))
                .optional();
    }

    /**
     * Notes how far the rescoring asked for at that moment has come (done when {@code afterLead} is
     * null); false if the rules changed again meanwhile, which starts it over.
     */
    boolean rescored(Instant requestedAt, UUID afterLead) {
        return (afterLead == null
                ? jdbc.sql("UPDATE scoring_rescore SET requested_at = NULL, after_lead = NULL WHERE id = 1 AND requested_at = ?")
                        .param(Sql.utc(requestedAt))
                : jdbc.sql("UPDATE scoring_rescore SET after_lead = ? WHERE id = 1 AND requested_at = ?")
                        .params(afterLead, Sql.utc(requestedAt)))
                .update() == 1;
    }

    ScoringRules current() {
        return remembered.get(Boolean.TRUE, any -> Optional.of(stored())).orElseThrow();
    }

    /** The rules as committed now, past what this node remembers (the job that applies a change reads these). */
    ScoringRules stored() {
        record Settings(int version, int threshold) {
        }
        Settings settings = jdbc.sql("SELECT version, mql_threshold FROM scoring_settings WHERE id = 1")
                .query((rs, n) -> new Settings(rs.getInt("version"), rs.getInt("mql_threshold"))).single();
        List<FitRule> fit = jdbc.sql("SELECT * FROM scoring_fit_rule ORDER BY position")
                .query((rs, n) -> new FitRule(Sql.uuid(rs, "id"), FitRule.Field.valueOf(rs.getString("match_field")),
                        FitRule.Operator.valueOf(rs.getString("match_operator")), rs.getString("match_value"),
                        rs.getInt("points")))
                .list();
        List<EngagementRule> engagement = jdbc.sql("SELECT * FROM scoring_engagement_rule ORDER BY position")
                .query((rs, n) -> new EngagementRule(rs.getString("activity_type"), rs.getInt("points"),
                        rs.getInt("half_life_days")))
                .list();
        return new ScoringRules(settings.version(), settings.threshold(), fit, engagement);
    }

    /**
     * Replaces the rules when they are still at the version the change was based on, and raises
     * the version. The settings row stays locked until the transaction ends, so of two replaces
     * based on the same version the second waits, finds the version raised and is refused. Asks
     * for every lead to be scored again with the new rules ({@link ScoreKeeping}).
     */
    void replace(ScoringRules rules, Instant at) {
        remembered.invalidate();
        int changed = jdbc.sql("""
                UPDATE scoring_settings SET mql_threshold = ?, version = version + 1
                WHERE id = 1 AND version = ?""").params(rules.mqlThreshold(), rules.version()).update();
        if (changed != 1) {
            throw new StaleVersionException("The scoring rules", rules.version(),
                    jdbc.sql("SELECT version FROM scoring_settings WHERE id = 1").query(Integer.class).single());
        }
        jdbc.sql("UPDATE scoring_rescore SET requested_at = ?, after_lead = NULL WHERE id = 1").param(Sql.utc(at))
                .update();
        jdbc.sql("DELETE FROM scoring_fit_rule").update();
        int position = 1;
        for (FitRule r : rules.fitRules()) {
            jdbc.sql("""
                    INSERT INTO scoring_fit_rule (id, position, match_field, match_operator, match_value, points)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(r.id() != null ? r.id() : UUID.randomUUID(), position++, r.field().name(),
                            r.operator().name(), r.value(), r.points())
                    .update();
        }
        jdbc.sql("DELETE FROM scoring_engagement_rule").update();
        position = 1;
        for (EngagementRule r : rules.engagementRules()) {
            jdbc.sql("""
                    INSERT INTO scoring_engagement_rule (activity_type, position, points, half_life_days)
                    VALUES (?, ?, ?, ?)""")
                    .params(r.activityType(), position++, r.points(), r.halfLifeDays())
                    .update();
        }
    }
}

package org.smartketing.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.SmartketingApplication;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.scoring.FitRule;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoreKeeping;
import org.smartketing.funnel.scoring.ScoringRules;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scoring job is persistent and runs on one node at a time: with two nodes on one database,
 * a rule change that lifts leads over the MQL threshold makes each of them an MQL exactly once,
 * scored in many small batches taken in turn. Runs whole applications of its own: on a named
 * in-memory H2 that both share, or on the suite's PostgreSQL in a schema of its own (so the
 * suite's other applications, which poll the same database, cannot take its jobs).
 */
class ScoreKeepingTwoNodesTests {

    static final String H2 = "jdbc:h2:mem:score-keeping;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final int LEADS = 30;

    static ConfigurableApplicationContext node(String name) {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        String url = postgres == null ? H2 : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=score_keeping";
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--smartketing.jobs.polling-interval=200ms", "--smartketing.scoring.keep-current-every=300ms",
                "--smartketing.scoring.batch-size=4", "--spring.jmx.enabled=false",
                "--logging.file.name=./target/test-logs/scoring-" + name + ".json"));
        if (postgres != null) {
            args.add("--spring.flyway.schemas=score_keeping");
        }
        return new SpringApplicationBuilder(SmartketingApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void aRuleChangeMakesEachLeadAnMqlOnceWithTwoNodes() {
        try (ConfigurableApplicationContext first = node("first"); ConfigurableApplicationContext second = node("second")) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> rescoreDone(jdbc));
            double before = scored(first) + scored(second);
            String source = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
            LeadIntake intake = first.getBean(LeadIntake.class);
            List<UUID> leads = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                leads.add(intake.take(new IncomingLead("n" + i + "." + UUID.randomUUID() + "@example.com", null, null, null, null, "Node", null, null, null, null, null, null, null, null, "US", null, null, null, source, null, null, null, null, null, null, null, null),
                        LeadHistory.Channel.API).lead().id().value());
            }
            assertThat(mqls(jdbc, source)).isZero();

            LeadScoring scoring = second.getBean(LeadScoring.class);
            ScoringRules now = scoring.rules();
            List<FitRule> fit = new ArrayList<>(now.fitRules());
            fit.add(new FitRule(null, FitRule.Field.SOURCE, FitRule.Operator.EQUALS, source, 60));
            scoring.replaceRules(now.withFitRules(fit));

            await().atMost(Duration.ofSeconds(60)).until(() -> mqls(jdbc, source) == LEADS);
            await().atMost(Duration.ofSeconds(10)).until(() -> rescoreDone(jdbc));

            long all = jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();
            // a run counts what it scored once it returns, just after its last batch committed
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scored(first) + scored(second) - before)
                    .as("each lead scored once for the change, by either node").isEqualTo((double) all));

            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM lead_stage_event e JOIN lead l ON l.id = e.lead_id
                    WHERE l.source = ? AND e.to_stage = 'MQL' AND e.actor_label = 'system'""").param(source)
                    .query(Long.class).single()).as("one MQL stage change per lead, by the system").isEqualTo(LEADS);
            for (UUID lead : leads) {
                assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'lead' AND entity_id = ? AND action = 'stage-changed'""")
                        .param(lead.toString()).query(Long.class).single()).as("audited once").isEqualTo(1);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'funnel-score-keeping'")
                    .query(Long.class).single()).as("one job for both nodes").isEqualTo(1);
        }
    }

    private static boolean rescoreDone(JdbcClient jdbc) {
        return jdbc.sql("SELECT requested_at IS NULL FROM scoring_rescore").query(Boolean.class).single();
    }

    private static double scored(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).counter(ScoreKeeping.LEADS_SCORED, "for", "rules").count();
    }

    private static long mqls(JdbcClient jdbc, String source) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE source = ? AND stage = 'MQL'").param(source).query(Long.class)
                .single();
    }
}

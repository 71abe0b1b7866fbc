package org.smartketing.insights.rollups;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.CampaignId;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.campaigns.CampaignDetails;
import org.smartketing.funnel.campaigns.CampaignPlanning;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightTiles;
import org.smartketing.insights.Tile;
import org.smartketing.insights.TileKey;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funnel tiles against a direct count of the funnel's stage history, the rollups against a
 * rebuild, a failing listener tried again, and the API's refusals and CSV.
 */
@IntegrationTest
class InsightTilesIntegrationTests {

    @Autowired
    InsightTiles tiles;

    @Autowired
    FunnelRollups rollups;

    @Autowired
    InsightRollupRebuild rebuild;

    @Autowired
    LeadIntake intake;

    @Autowired
    LeadStages stages;

    @Autowired
    CampaignPlanning campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void backToNow() {
        clock.reset();
        target().beforeWrite = () -> { };
    }

    @Test
    void funnelAndRejectionTilesEqualADirectCountOfTheStageHistoryIncludingLeadsWithoutASource() {
        CampaignId campaign = aCampaign();
        Random random = new Random(12);
        List<LeadId> made = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String source = i % 3 == 0 ? null : "src-" + (i % 2);
            LeadId lead = aLead(source, campaign);
            made.add(lead);
            moveRandomly(lead, random);
        }
        awaitRollupOf(made);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        InsightFilter all = new InsightFilter(today.minusDays(1), today, ZoneOffset.UTC, null, null, campaign);
        InsightFilter noSource = new InsightFilter(today.minusDays(1), today, ZoneOffset.UTC, null,
                InsightFilter.NO_SOURCE, campaign);

        for (InsightFilter filter : List.of(all, noSource)) {
            Map<String, Long> expected = directEntries(campaign, filter.source() == null ? null : "");
            Tile funnel = tiles.tile(TileKey.FUNNEL, filter);
            assertThat(funnel.headline("mqls").orElseThrow().value()).isEqualTo(expected.getOrDefault("MQL", 0L).doubleValue());
            assertThat(funnel.headline("sqls").orElseThrow().value()).isEqualTo(expected.getOrDefault("SQL", 0L).doubleValue());
            Tile rejections = tiles.tile(TileKey.REJECTIONS, filter);
            long rejected = expected.getOrDefault("REJECTED", 0L);
            long mqls = expected.getOrDefault("MQL", 0L);
            assertThat(rejections.headline("rejected").orElseThrow().value()).isEqualTo((double) rejected);
            assertThat(rejections.headline("recycled").orElseThrow().value())
                    .isEqualTo(expected.getOrDefault("RECYCLED", 0L).doubleValue());
            assertThat(rejections.headline("rejection_rate").orElseThrow().value())
                    .isEqualTo(mqls == 0 ? null : (double) rejected / mqls);
            long rowsTotal = rejections.rows().stream().mapToLong(r -> (Long) r.get(4)).sum();
            assertThat(rowsTotal).isEqualTo(rejected + expected.getOrDefault("RECYCLED", 0L));
        }
        assertThat(tiles.tile(TileKey.FUNNEL, noSource).rows()).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("(no source)"));
    }

    @Test
    void anEmptyPeriodHasNoRowsAndNoRates() {
        InsightFilter empty = new InsightFilter(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31), ZoneOffset.UTC, null,
                null, null);
        Tile funnel = tiles.tile(TileKey.FUNNEL, empty);
        assertThat(funnel.rows()).isEmpty();
        assertThat(funnel.headline("mql_to_sql").orElseThrow().value()).isNull();
        assertThat(funnel.headline("mqls").orElseThrow().value()).isZero();
        Tile sla = tiles.tile(TileKey.SLA, empty);
        assertThat(sla.rows()).isEmpty();
        assertThat(sla.headline("median_hours").orElseThrow().value()).isNull();
        assertThat(tiles.measures(empty).rejectionRate()).isNull();
    }

    @Test
    void aChangeLateInTheUtcDayCountsOnTheNextDayInBerlin() {
        CampaignId campaign = aCampaign();
        // 23:30 UTC: the next day in Berlin (00:30 in winter, 01:30 in summer), a year or so ahead
        Instant now = clock.instant();
        Instant late = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(400).atTime(23, 30).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(now, late));
        LeadId lead = aLead("late", campaign);
        awaitRollupOf(List.of(lead));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate utcDay = LocalDate.ofInstant(late, ZoneOffset.UTC);
        LocalDate berlinDay = utcDay.plusDays(1);
        Tile june10 = tiles.tile(TileKey.FUNNEL, new InsightFilter(utcDay, utcDay,
                berlin, null, null, campaign));
        Tile june11 = tiles.tile(TileKey.FUNNEL, new InsightFilter(berlinDay, berlinDay,
                berlin, null, null, campaign));
        Tile utc10 = tiles.tile(TileKey.FUNNEL, new InsightFilter(utcDay, utcDay,
                ZoneOffset.UTC, null, null, campaign));
        assertThat(june10.rows()).isEmpty();
        assertThat(june11.rows()).extracting(r -> r.get(0), r -> r.get(3), r -> r.get(4))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(berlinDay, "New", 1L));
        assertThat(utc10.rows()).hasSize(1);
    }

    @Test
    void theRollupEqualsARebuildAfterARandomSequenceOfEvents() {
        CampaignId campaign = aCampaign();
        Random random = new Random(20260331L);
        List<LeadId> made = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (made.isEmpty() || random.nextInt(3) > 0) {
                made.add(aLead(random.nextBoolean() ? null : "p-" + random.nextInt(3), campaign));
            }
            moveRandomly(made.get(random.nextInt(made.size())), random);
            clock.advance(Duration.ofMinutes(random.nextInt(600)));
        }
        awaitRollupOf(made);
        List<Map<String, Object>> fromEvents = rowsOf(campaign);
        Map<StageRollups.CountKey, Long> countsFromEvents = countsOf(campaign);
        List<Map<String, Object>> staysFromEvents = staysOf(campaign);
        assertThat(countsFromEvents).isNotEmpty().isEqualTo(recountOf(campaign));
        assertThat(staysFromEvents).isNotEmpty();
        jdbc.sql("DELETE FROM insight_stage_change WHERE campaign_id = ?").param(campaign.value()).update();
        jdbc.sql("DELETE FROM insight_stage_count WHERE campaign_id = ?").param(campaign.value()).update();
        jdbc.sql("DELETE FROM insight_stage_stay WHERE campaign_id = ?").param(campaign.value()).update();
        rebuild.restart();
        rebuild.rebuildAll();
        assertThat(rowsOf(campaign)).isNotEmpty().isEqualTo(fromEvents);
        assertThat(countsOf(campaign)).isEqualTo(countsFromEvents);
        assertThat(staysOf(campaign)).isEqualTo(staysFromEvents);
        assertThat(rebuild.reconcile(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(3),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1)))
                .filteredOn(d -> !d.rollup().equals(InsightRollupRebuild.HANDOFFS))
                .hasSize(3).allSatisfy(d -> assertThat(d.repaired()).isZero());
    }

    @Test
    void aListenerThatFailsIsTriedAgainAndCountsOnce() {
        CampaignId campaign = aCampaign();
        AtomicInteger tries = new AtomicInteger();
        target().beforeWrite = () -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("the first try fails");
            }
        };
        LeadId lead = aLead("flaky", campaign);
        awaitRollupOf(List.of(lead));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> count(lead) == 1);
        assertThat(tries.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theApiRefusesBadFiltersNamingTheFieldAndGivesTheTableAsCsv() throws Exception {
        String token = fixtures.tokenFor(fixtures.aPerson(AppRole.MANAGER), TokenScope.READ);
        String memberToken = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        mvc.perform(get("/api/v1/insights/funnel?from=2026-03-02&to=2026-03-01").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + token)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/insights/sla?team=" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + token)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("team"));
        mvc.perform(get("/api/v1/insights/rejections?campaign=" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + token)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("campaign"));
        mvc.perform(get("/api/v1/insights/goals?from=yesterday").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/insights/funnel").header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken))
                .andExpect(status().isForbidden());
        for (TileKey key : TileKey.values()) {
            mvc.perform(get("/api/v1/insights/" + key.path()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.key").value(key.name()));
        }

        CampaignId campaign = aCampaign();
        LeadId lead = aLead("=cmd|calc", campaign);
        awaitRollupOf(List.of(lead));
        byte[] csv = mvc.perform(get("/api/v1/insights/funnel?campaign=" + campaign).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + token).header(HttpHeaders.ACCEPT, "text/csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> read = org.smartketing.insights.CsvTablesTests.parse(text.substring(1));
        assertThat(read.get(0)).startsWith("Period from", "Source", "Campaign", "Stage", "Entered");
        assertThat(read).hasSize(2);
        assertThat(read.get(1).get(1)).isEqualTo("'=cmd|calc");
        assertThat(read.get(1).get(4)).isEqualTo("1");
    }

    /** The listener bean itself, behind its transaction and async proxy. */
    private FunnelRollups target() {
        return org.springframework.test.util.AopTestUtils.getTargetObject(rollups);
    }

    private void moveRandomly(LeadId lead, Random random) {
        try {
            switch (random.nextInt(5)) {
                case 0 -> stages.moveAutomatically(lead, new Lead.Transition(Stage.MQL, null, null, null));
                case 1 -> {
                    stages.moveAutomatically(lead, new Lead.Transition(Stage.MQL, null, null, null));
                    stages.moveAutomatically(lead, new Lead.Transition(Stage.REJECTED, "No budget", null, null));
                }
                case 2 -> stages.moveAutomatically(lead, new Lead.Transition(Stage.RECYCLED, "Too early",
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30), null));
                case 3 -> {
                    stages.moveAutomatically(lead, new Lead.Transition(Stage.MQL, null, null, null));
                    stages.moveAutomatically(lead, new Lead.Transition(Stage.SAL, null, null, null));
                    stages.moveAutomatically(lead, new Lead.Transition(Stage.SQL, null, null, null));
                }
                default -> {
                    // stays where it is
                }
            }
        }
        catch (RuntimeException refused) {
            // a move the lead's stage does not allow: the sequence goes on
        }
    }

    private Map<String, Long> directEntries(CampaignId campaign, String sourceOrNull) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT e.to_stage, COUNT(*) AS n FROM lead_stage_event e JOIN lead l ON l.id = e.lead_id "
                + "WHERE l.campaign_id = ?" + (sourceOrNull == null ? "" : " AND COALESCE(l.source, '') = ?")
                + " GROUP BY e.to_stage")
                .params(sourceOrNull == null ? List.of(campaign.value()) : List.of(campaign.value(), sourceOrNull))
                .query(rs -> {
                    counts.put(rs.getString("to_stage"), rs.getLong("n"));
                });
        return counts;
    }

    private void awaitRollupOf(List<LeadId> leads) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> leads.stream().allMatch(l ->
                count(l) == jdbc.sql("SELECT COUNT(*) FROM lead_stage_event WHERE lead_id = ?").param(l.value())
                        .query(Long.class).single()));
    }

    private long count(LeadId lead) {
        return jdbc.sql("SELECT COUNT(*) FROM insight_stage_change WHERE lead_id = ?").param(lead.value())
                .query(Long.class).single();
    }

    private List<Map<String, Object>> rowsOf(CampaignId campaign) {
        return jdbc.sql("""
                SELECT lead_id, occurred_at, to_stage, from_stage, reason, source, campaign_id, owner_id
                FROM insight_stage_change WHERE campaign_id = ? ORDER BY lead_id, occurred_at, to_stage""")
                .param(campaign.value()).query().listOfRows();
    }

    private Map<StageRollups.CountKey, Long> countsOf(CampaignId campaign) {
        Map<StageRollups.CountKey, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT hour_start, to_stage, source, owner_id, reason, n FROM insight_stage_count
                WHERE campaign_id = ? AND n <> 0""")
                .param(campaign.value()).query(rs -> {
                    counts.put(new StageRollups.CountKey(org.smartketing.shared.Sql.instant(rs, "hour_start"),
                            rs.getString("to_stage"), rs.getString("source"), campaign.value(),
                            org.smartketing.shared.Sql.uuid(rs, "owner_id"), rs.getString("reason")), rs.getLong("n"));
                });
        return counts;
    }

    /** The counters as a direct count of the stage changes makes them. */
    private Map<StageRollups.CountKey, Long> recountOf(CampaignId campaign) {
        Map<StageRollups.CountKey, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT occurred_at, to_stage, source, owner_id, reason FROM insight_stage_change WHERE campaign_id = ?")
                .param(campaign.value()).query(rs -> {
                    counts.merge(StageRollups.CountKey.of(org.smartketing.shared.Sql.instant(rs, "occurred_at"),
                            Stage.valueOf(rs.getString("to_stage")), rs.getString("source"), campaign.value(),
                            org.smartketing.shared.Sql.uuid(rs, "owner_id"), rs.getString("reason")), 1L, Long::sum);
                });
        return counts;
    }

    private List<Map<String, Object>> staysOf(CampaignId campaign) {
        return jdbc.sql("""
                SELECT lead_id, left_at, to_stage, stage, entered_at, seconds, source, owner_id FROM insight_stage_stay
                WHERE campaign_id = ? ORDER BY lead_id, left_at, to_stage""")
                .param(campaign.value()).query().listOfRows();
    }

    private LeadId aLead(String source, CampaignId campaign) {
        return intake.take(new IncomingLead("lead." + UUID.randomUUID() + "@example.com", null, "Ina", "Insight", null,
                null, null, null, source, campaign == null ? null : campaign.value(), null, null, null, List.of(),
                null), LeadHistory.Channel.API).lead().id();
    }

    private CampaignId aCampaign() {
        return new CampaignId(campaigns.create(new CampaignDetails("Insights " + UUID.randomUUID(), "EVENT", null, null,
                null, null, null), null).id());
    }
}

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
    org.smartketing.team.teams.Teams teams;

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
    void funnelTileFromTheRollupsEqualsADirectComputationOverTheChangesForATeamAndInWholeAndHalfHourZones() {
        CampaignId campaign = aCampaign();
        org.smartketing.team.people.Person ann = fixtures.aPerson(AppRole.MEMBER);
        org.smartketing.team.people.Person ben = fixtures.aPerson(AppRole.MEMBER);
        org.smartketing.team.people.Person cy = fixtures.aPerson(AppRole.MEMBER);
        org.smartketing.team.TeamId team = org.smartketing.team.TeamId.random();
        teams.insert(new org.smartketing.team.teams.Team(team, "Funnel team " + team.value().toString().substring(0, 8),
                null, java.util.Set.of(ann.id(), ben.id()), Instant.now(), Instant.now()));
        List<org.smartketing.team.PersonId> owners = java.util.Arrays.asList(ann.id(), ben.id(), cy.id(), null);
        // a few days of their own, far ahead; changes on every quarter hour, so half-hour boundaries cut hours
        Instant first = LocalDate.of(2031, 3, 1).plusDays(Math.abs(campaign.value().hashCode()) % 300)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Random random = new Random(31);
        List<Stage> way = List.of(Stage.NEW, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY, Stage.CUSTOMER);
        for (int i = 0; i < 60; i++) {
            LeadId lead = new LeadId(UUID.randomUUID());
            String source = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> "Web";
                case 2 -> " web ";
                default -> "fair";
            };
            Instant at = first.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 3)));
            Stage from = null;
            int steps = 1 + random.nextInt(way.size());
            for (int s = 0; s < steps; s++) {
                Stage to = s == steps - 1 && random.nextInt(3) == 0 ? Stage.REJECTED : way.get(s);
                rollups.take(new org.smartketing.funnel.FunnelFigures.StageChange(lead, from, to,
                        to == Stage.REJECTED ? (random.nextBoolean() ? "No budget" : "no budget ") : null, at, source,
                        campaign, owners.get(random.nextInt(owners.size())), null, null));
                from = to;
                at = at.plus(Duration.ofMinutes(15L * (1 + random.nextInt(4 * 30))));
            }
        }
        LocalDate day = LocalDate.ofInstant(first, ZoneOffset.UTC);
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Asia/Kathmandu"))) {
            for (org.smartketing.team.TeamId t : java.util.Arrays.asList(null, team)) {
                for (InsightFilter filter : List.of(new InsightFilter(day, day.plusDays(2), zone, t, null, campaign),
                        new InsightFilter(day.plusDays(1), day.plusDays(1), zone, t, "web", campaign),
                        new InsightFilter(day, day.plusDays(40), zone, t, null, campaign))) {
                    // sources differing only in case are one group; which spelling names it is not the point
                    assertThat(lowerSources(tiles.tile(TileKey.FUNNEL, filter).rows())).as(zone + " " + filter)
                            .containsExactlyElementsOf(lowerSources(directFunnelRows(filter, t == null ? null
                                    : java.util.Set.of(ann.id().value(), ben.id().value()), names(campaign))));
                    Tile rejections = tiles.tile(TileKey.REJECTIONS, filter);
                    long rejected = directChanges(filter, t == null ? null
                            : java.util.Set.of(ann.id().value(), ben.id().value())).stream()
                            .filter(c -> c.get("to").equals("REJECTED")).count();
                    assertThat(rejections.headline("rejected").orElseThrow().value()).isEqualTo((double) rejected);
                    assertThat(rejections.rows()).allSatisfy(r -> assertThat((String) r.get(1)).isEqualToIgnoringCase("No budget"));
                    assertThat(rejections.rows().stream().mapToLong(r -> (Long) r.get(4)).sum()).isEqualTo(rejected);
                }
            }
        }
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
        Map<StageRollups.CountKey, Long> daysFromEvents = daysOf(campaign);
        List<Map<String, Object>> staysFromEvents = staysOf(campaign);
        assertThat(countsFromEvents).isNotEmpty().isEqualTo(recountOf(campaign));
        Map<StageRollups.CountKey, Long> byDay = new java.util.HashMap<>();
        recountOf(campaign).forEach((k, n) -> byDay.merge(k.daily(), n, Long::sum));
        assertThat(daysFromEvents).isEqualTo(byDay);
        assertThat(staysFromEvents).isNotEmpty();
        jdbc.sql("DELETE FROM insight_stage_change WHERE campaign_id = ?").param(campaign.value()).update();
        jdbc.sql("DELETE FROM insight_stage_count WHERE campaign_id = ?").param(campaign.value()).update();
        jdbc.sql("DELETE FROM insight_stage_day WHERE campaign_id = ?").param(campaign.value()).update();
        jdbc.sql("DELETE FROM insight_stage_stay WHERE campaign_id = ?").param(campaign.value()).update();
        rebuild.restart();
        rebuild.rebuildAll();
        assertThat(rowsOf(campaign)).isNotEmpty().isEqualTo(fromEvents);
        assertThat(countsOf(campaign)).isEqualTo(countsFromEvents);
        assertThat(daysOf(campaign)).isEqualTo(daysFromEvents);
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
        List<List<String>> read = org.smartketing.support.CsvRows.parse(text.substring(1));
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

    private Map<StageRollups.CountKey, Long> daysOf(CampaignId campaign) {
        Map<StageRollups.CountKey, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT day_start, to_stage, source, reason, n FROM insight_stage_day WHERE campaign_id = ? AND n <> 0")
                .param(campaign.value()).query(rs -> {
                    counts.put(new StageRollups.CountKey(org.smartketing.shared.Sql.instant(rs, "day_start"),
                            rs.getString("to_stage"), rs.getString("source"), campaign.value(), StageRollups.NONE,
                            rs.getString("reason")), rs.getLong("n"));
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

    private static List<List<Object>> lowerSources(List<List<Object>> rows) {
        return rows.stream().map(r -> {
            List<Object> copy = new ArrayList<>(r);
            copy.set(1, ((String) r.get(1)).toLowerCase(java.util.Locale.ROOT));
            return copy;
        }).toList();
    }

    private Map<UUID, String> names(CampaignId campaign) {
        return Map.of(campaign.value(), jdbc.sql("SELECT name FROM campaign WHERE id = ?").param(campaign.value())
                .query(String.class).single());
    }

    /** The filter's changes straight from insight_stage_change, each with when its lead entered the stage it left. */
    private List<Map<String, Object>> directChanges(InsightFilter filter, java.util.Set<UUID> owners) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT c.occurred_at, c.from_stage, c.to_stage, c.source, c.owner_id,
                  (SELECT MAX(p.occurred_at) FROM insight_stage_change p
                   WHERE p.lead_id = c.lead_id AND p.occurred_at < c.occurred_at) AS entered_at
                FROM insight_stage_change c WHERE c.campaign_id = ? AND c.occurred_at >= ? AND c.occurred_at < ?
                ORDER BY c.occurred_at""")
                .params(filter.campaign().value(), org.smartketing.shared.Sql.utc(filter.start()),
                        org.smartketing.shared.Sql.utc(filter.end()))
                .query(rs -> {
                    String source = rs.getString("source");
                    UUID owner = org.smartketing.shared.Sql.uuid(rs, "owner_id");
                    if (!filter.admitsSource(source) || (owners != null && (owner == null || !owners.contains(owner)))) {
                        return;
                    }
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("at", org.smartketing.shared.Sql.instant(rs, "occurred_at"));
                    row.put("from", rs.getString("from_stage"));
                    row.put("to", rs.getString("to_stage"));
                    row.put("source", source == null || source.isBlank() ? "(no source)" : source.strip());
                    Instant entered = org.smartketing.shared.Sql.instant(rs, "entered_at");
                    if (entered != null) {
                        row.put("entered", entered);
                    }
                    rows.add(row);
                });
        return rows;
    }

    /** The funnel tile's rows computed change by change, as the tile did before its rollups. */
    private List<List<Object>> directFunnelRows(InsightFilter filter, java.util.Set<UUID> owners, Map<UUID, String> names) {
        List<Stage> way = List.of(Stage.NEW, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY, Stage.CUSTOMER);
        Map<List<Object>, long[]> entries = new java.util.TreeMap<>(groupOrder());
        Map<List<Object>, List<List<Double>>> days = new java.util.TreeMap<>(groupOrder());
        for (Map<String, Object> c : directChanges(filter, owners)) {
            LocalDate period = org.smartketing.insights.tiles.TileParts.period(filter,
                    LocalDate.ofInstant((Instant) c.get("at"), filter.zone()));
            List<Object> group = List.of(period, c.get("source"));
            long[] e = entries.computeIfAbsent(group, g -> new long[way.size()]);
            List<List<Double>> d = days.computeIfAbsent(group, g -> {
                List<List<Double>> lists = new ArrayList<>();
                way.forEach(w -> lists.add(new ArrayList<>()));
                return lists;
            });
            int to = way.indexOf(Stage.valueOf((String) c.get("to")));
            if (to >= 0) {
                e[to]++;
            }
            int from = c.get("from") == null ? -1 : way.indexOf(Stage.valueOf((String) c.get("from")));
            if (from >= 0 && c.get("entered") != null) {
                d.get(from).add(Duration.between((Instant) c.get("entered"), (Instant) c.get("at")).toSeconds() / 86400.0);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        entries.forEach((g, e) -> {
            List<List<Double>> d = days.get(g);
            for (int i = 0; i < way.size(); i++) {
                long next = i + 1 < way.size() ? e[i + 1] : 0;
                if (e[i] == 0 && next == 0 && d.get(i).isEmpty()) {
                    continue;
                }
                boolean last = i + 1 == way.size();
                rows.add(java.util.Arrays.asList(g.get(0), g.get(1), names.get(filter.campaign().value()),
                        way.get(i).label(), e[i], last ? null : next,
                        last ? null : next == 0 && e[i] == 0 ? null : e[i] == 0 ? null : (double) next / e[i],
                        last ? null : e[i] - next, org.smartketing.insights.tiles.TileParts.percentile(d.get(i), 0.5)));
            }
        });
        return rows;
    }

    private static java.util.Comparator<List<Object>> groupOrder() {
        return java.util.Comparator.<List<Object>, LocalDate>comparing(g -> (LocalDate) g.get(0))
                .thenComparing(g -> (String) g.get(1), String.CASE_INSENSITIVE_ORDER);
    }

    private LeadId aLead(String source, CampaignId campaign) {
        return intake.take(new IncomingLead("lead." + UUID.randomUUID() + "@example.com", null, null, null, "Ina", "Insight", null, null, null, null, null, null, null, null, null, null, null, null, source, campaign == null ? null : campaign.value(), null, null, null, List.of(), null, null, null), LeadHistory.Channel.API).lead().id();
    }

    private CampaignId aCampaign() {
        return new CampaignId(campaigns.create(new CampaignDetails("Insights " + UUID.randomUUID(), "EVENT", null, null,
                null, null, null), null).id());
    }
}

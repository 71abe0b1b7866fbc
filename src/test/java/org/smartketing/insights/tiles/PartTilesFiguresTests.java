package org.smartketing.insights.tiles;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.CampaignId;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.goals.GoalStandings;
import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.CheckIns;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightTiles;
import org.smartketing.insights.Tile;
import org.smartketing.insights.TileKey;
import org.smartketing.shared.Sql;
import org.smartketing.support.Fixtures;
import org.smartketing.support.PartRows;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Team;
import org.smartketing.team.teams.Teams;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The tiles read from the other parts' faces (SLA, closed loop, follow-through, goals,
 * cross-training, responsiveness) against figures worked out by hand from the data each test
 * writes: headlines and rows, an empty period, the viewer's day boundary where a tile counts by
 * instant, and the team filter. Each test writes in days of its own (from the people's ids) so
 * other tests' data stays out of them.
 */
@IntegrationTest
class PartTilesFiguresTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    InsightTiles tiles;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Teams teams;

    @Autowired
    People people;

    @Autowired
    LeadIntake intake;

    @Autowired
    LeadStages stages;

    @Autowired
    GoalPlanning planning;

    @Autowired
    CheckIns checkIns;

    @Autowired
    GoalStandings standings;

    @Autowired
    org.smartketing.crosstraining.CrossTrainingFigures crossTraining;

    @Autowired
    org.smartketing.funnel.CampaignResults campaigns;

    @Autowired
    MockMvc mvc;

    @Autowired
    java.time.Clock clock;

    // --- responsiveness

    @Test
    void responsivenessCountsPromisesKeptAndBrokenAndUrgentNeverAcknowledgedOnTheViewersDays() {
        Person rita = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person sam = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        TeamId team = team(rita, sam);
        // a winter day of 2025 of its own, long past: a promise is broken only once its time has passed
        LocalDate day = LocalDate.of(2025, 1, 6).plusDays(Math.abs(rita.id().hashCode()) % 40);
        Instant morning = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        received(rita, "NORMAL", morning, 60, 10, true); // kept
        received(rita, "URGENT", morning.plusSeconds(60), 60, 90, true); // broken
        received(rita, "URGENT", morning.plusSeconds(120), 60, null, false); // never got through: urgent never acknowledged
        received(sam, "URGENT", morning.plusSeconds(180), 15, null, true); // broken, urgent never acknowledged
        received(sam, "NORMAL", day.atTime(23, 30).toInstant(ZoneOffset.UTC), 60, 5, true); // kept; 00:30 the next day in Berlin
        received(mia, "NORMAL", morning.plusSeconds(240), 240, 5, true); // kept, not in the team

        Tile utc = tiles.tile(TileKey.RESPONSIVENESS, new InsightFilter(day, day, ZoneOffset.UTC, team, null, null));
        assertThat(value(utc, "messages")).isEqualTo(4.0);
        assertThat(value(utc, "share_kept")).isEqualTo(2.0 / 4);
        assertThat(value(utc, "urgent_never")).isEqualTo(2.0);
        assertThat(utc.rows()).extracting(r -> r.get(0), r -> r.get(4), r -> r.get(5), r -> r.get(9))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(rita.displayName(), 1L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(sam.displayName(), 1L, 1L, 1L));

        Tile berlin = tiles.tile(TileKey.RESPONSIVENESS, new InsightFilter(day, day, BERLIN, team, null, null));
        assertThat(value(berlin, "messages")).as("the late one is the next day in Berlin").isEqualTo(3.0);
        assertThat(value(berlin, "share_kept")).isEqualTo(1.0 / 3);
        Tile berlinNext = tiles.tile(TileKey.RESPONSIVENESS,
                new InsightFilter(day.plusDays(1), day.plusDays(1), BERLIN, team, null, null));
        assertThat(value(berlinNext, "messages")).isEqualTo(1.0);
        assertThat(value(berlinNext, "share_kept")).isEqualTo(1.0);
        assertThat(value(berlinNext, "urgent_never")).isZero();

        Tile everybody = tiles.tile(TileKey.RESPONSIVENESS, new InsightFilter(day, day, ZoneOffset.UTC, null, null, null));
        assertThat(everybody.rows()).extracting(r -> r.get(0)).contains(rita.displayName(), sam.displayName(),
                mia.displayName());

        Tile empty = tiles.tile(TileKey.RESPONSIVENESS,
                new InsightFilter(day.plusDays(3), day.plusDays(4), ZoneOffset.UTC, team, null, null));
        assertThat(empty.rows()).isEmpty();
        assertThat(value(empty, "share_kept")).isNull();
        assertThat(value(empty, "messages")).isZero();
    }

    // --- follow-through

    @Test
    void followThroughCountsTheTeamsCommittedItemsByTheDatePromised() {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rita = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person outsider = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        TeamId team = team(rita, mia);
        LocalDate day = LocalDate.of(2016, 1, 4).plusWeeks(Math.abs(rita.id().hashCode()) % 150);
        UUID family = series(sponsor, day);
        UUID held = meeting(family, day);
        commit(held, rita);
        commit(held, mia);
        commit(held, outsider);
        item(held, family, rita, day.plusDays(7), "DONE", day.plusDays(6)); // on time
        item(held, family, rita, day.plusDays(7), "DONE", day.plusDays(9)); // late
        item(held, family, rita, day.plusDays(7), "OPEN", null); // not done
        item(held, family, mia, day.plusDays(7), "DROPPED", null);
        item(held, family, mia, day.plusDays(8), "DONE", day.plusDays(8)); // on time, promised a day later
        item(held, family, outsider, day.plusDays(7), "DONE", day.plusDays(7));

        Tile week = tiles.tile(TileKey.FOLLOW_THROUGH,
                new InsightFilter(day.plusDays(7), day.plusDays(8), ZoneOffset.UTC, team, null, null));
        assertThat(value(week, "committed")).isEqualTo(5.0);
        assertThat(value(week, "rate")).isEqualTo(2.0 / 5);
        assertThat(value(week, "not_done")).isEqualTo(1.0);
        assertThat(week.rows()).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2), r -> r.get(3), r -> r.get(4),
                r -> r.get(5)).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(rita.displayName(), 3L, 1L, 1L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(mia.displayName(), 2L, 1L, 0L, 0L, 1L));
        assertThat(week.chart().series().get(0).values()).containsExactly(2.0, 1.0, 1.0, 1.0);

        Tile firstDay = tiles.tile(TileKey.FOLLOW_THROUGH,
                new InsightFilter(day.plusDays(7), day.plusDays(7), BERLIN, team, null, null));
        assertThat(value(firstDay, "committed")).as("the day promised, whatever the viewer's zone").isEqualTo(4.0);
        assertThat(value(firstDay, "rate")).isEqualTo(1.0 / 4);

        Tile everybody = tiles.tile(TileKey.FOLLOW_THROUGH,
                new InsightFilter(day.plusDays(7), day.plusDays(8), ZoneOffset.UTC, null, null, null));
        assertThat(everybody.rows()).extracting(r -> r.get(0)).contains(rita.displayName(), mia.displayName(),
                outsider.displayName());

        Tile empty = tiles.tile(TileKey.FOLLOW_THROUGH, new InsightFilter(day, day.plusDays(6), ZoneOffset.UTC, team,
                null, null));
        assertThat(empty.rows()).isEmpty();
        assertThat(value(empty, "rate")).isNull();
        assertThat(value(empty, "committed")).isZero();
    }

    // --- SLA

    @Test
    void slaTileJudgesTheClocksThatStartedOnTheViewersDaysInTheOwnersWorkingHours() {
        Person rep = salesRep();
        Person other = salesRep();
        TeamId team = team(rep);
        LeadId l1 = anMql();
        LeadId l2 = anMql();
        LeadId l3 = anMql();
        LeadId l4 = anMql();
        // a Tuesday a few weeks ahead, of its own; Berlin is UTC+1 in winter and UTC+2 in summer
        LocalDate tuesday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusWeeks(3 + Math.abs(rep.id().hashCode()) % 30)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        run(l1, "ACCEPT", rep, at(tuesday, 9, 0), at(tuesday, 13, 0), at(tuesday, 10, 0), "ACCEPTED"); // 1 h, within
        run(l1, "FIRST_CONTACT", rep, at(tuesday, 10, 0), at(tuesday, 14, 0), at(tuesday, 13, 0), "CONTACTED"); // 3 h
        run(l2, "ACCEPT", rep, at(tuesday, 9, 0), at(tuesday, 13, 0), at(tuesday, 15, 0), "ACCEPTED"); // 6 h, breached
        run(l2, "FIRST_CONTACT", rep, at(tuesday, 15, 0), at(tuesday.plusDays(1), 15, 0), null, null); // running: undecided
        run(l3, "FIRST_CONTACT", rep, at(tuesday, 11, 0), at(tuesday, 12, 0), at(tuesday, 16, 0), "CONTACTED"); // 5 h, breached
        // 23:30 UTC on Tuesday is Wednesday in Berlin; accepted at 09:30 Berlin: half a working hour
        Instant late = tuesday.atTime(23, 30).toInstant(ZoneOffset.UTC);
        run(l4, "ACCEPT", other, late, at(tuesday.plusDays(1), 13, 0), at(tuesday.plusDays(1), 9, 30), "ACCEPTED");

        Tile tile = tiles.tile(TileKey.SLA, new InsightFilter(tuesday, tuesday, BERLIN, team, null, null));
        assertThat(value(tile, "median_hours")).isEqualTo(4.0); // first contact: 3 and 5
        assertThat(value(tile, "p90_hours")).isEqualTo(4.8); // 3 + 0.9 × 2
        assertThat(value(tile, "person_hours")).isEqualTo(3.5); // accept: 1 and 6
        assertThat(value(tile, "within_sla")).as("2 within of 4 decided").isEqualTo(0.5);
        assertThat(value(tile, "breaches")).isEqualTo(2.0);
        double waitL1 = Duration.between(mqlAt(l1), at(tuesday, 9, 0)).toMillis() / 3_600_000.0;
        double waitL2 = Duration.between(mqlAt(l2), at(tuesday, 9, 0)).toMillis() / 3_600_000.0;
        assertThat(value(tile, "system_hours")).isCloseTo(Math.round((waitL1 + waitL2) / 2 * 100) / 100.0, within(0.005));
        assertThat(tile.rows()).extracting(r -> r.get(1), r -> r.get(2), r -> r.get(3), r -> r.get(6), r -> r.get(7))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Accept or reject", 2L, 2L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("First contact", 3L, 2L, 1L, 1L));

        Tile wednesdayInBerlin = tiles.tile(TileKey.SLA,
                new InsightFilter(tuesday.plusDays(1), tuesday.plusDays(1), BERLIN, null, null, null));
        assertThat(value(wednesdayInBerlin, "person_hours")).isEqualTo(0.5);
        assertThat(value(wednesdayInBerlin, "within_sla")).isEqualTo(1.0);
        Tile tuesdayInUtc = tiles.tile(TileKey.SLA, new InsightFilter(tuesday, tuesday, ZoneOffset.UTC, null, null, null));
        assertThat(tuesdayInUtc.rows()).filteredOn(r -> r.get(1).equals("Accept or reject"))
                .extracting(r -> (Long) r.get(2)).as("Tuesday in UTC has the late one too").containsExactlyInAnyOrder(2L, 1L);

        Tile empty = tiles.tile(TileKey.SLA, new InsightFilter(tuesday.plusDays(2), tuesday.plusDays(3), BERLIN, team,
                null, null));
        assertThat(empty.rows()).isEmpty();
        assertThat(value(empty, "within_sla")).isNull();
        assertThat(value(empty, "breaches")).isZero();
    }

    // --- closed loop

    @Test
    void closedLoopCreditsEachCampaignsCustomersAndRevenueAndItsCostPerCustomer() throws Exception {
        String token = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        String webinar = campaign("Webinar " + UUID.randomUUID(), token);
        String ebook = campaign("Ebook " + UUID.randomUUID(), token);
        String ann = "ann." + UUID.randomUUID() + "@example.com";
        String first = lead(ann, webinar, token);
        lead(ann.toUpperCase(), ebook, token);
        win(first, "1000", token);
        win(lead("bob." + UUID.randomUUID() + "@example.com", ebook, token), "500", token);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Tile tile = tiles.tile(TileKey.CLOSED_LOOP, new InsightFilter(today, today, ZoneOffset.UTC, null, null,
                new CampaignId(UUID.fromString(ebook))));
        assertThat(tile.rows()).singleElement().satisfies(r -> {
            assertThat(r.get(tile.column("customers_first"))).isEqualTo(new BigDecimal("1.00"));
            assertThat(r.get(tile.column("customers_last"))).isEqualTo(new BigDecimal("2.00"));
            assertThat(r.get(tile.column("customers_linear"))).isEqualTo(new BigDecimal("1.50"));
            assertThat(r.get(tile.column("currency"))).isEqualTo("EUR");
            assertThat(r.get(tile.column("revenue_first"))).isEqualTo(new BigDecimal("500.00"));
            assertThat(r.get(tile.column("revenue_last"))).isEqualTo(new BigDecimal("1500.00"));
            assertThat(r.get(tile.column("revenue_linear"))).isEqualTo(new BigDecimal("1000.00"));
            assertThat(r.get(tile.column("cost_per_customer"))).as("2500 ÷ 1.5").isEqualTo(new BigDecimal("1666.67"));
        });
        assertThat(value(tile, "customers")).isEqualTo(1.5);
        assertThat(value(tile, "campaigns")).isEqualTo(1.0);

        Tile all = tiles.tile(TileKey.CLOSED_LOOP, new InsightFilter(today, today, ZoneOffset.UTC, null, null, null));
        assertThat(all.rows()).filteredOn(r -> r.get(0).equals(nameOf(webinar))).singleElement().satisfies(r -> {
            assertThat(r.get(all.column("customers_linear"))).isEqualTo(new BigDecimal("0.50"));
            assertThat(r.get(all.column("revenue_linear"))).isEqualTo(new BigDecimal("500.00"));
            assertThat(r.get(all.column("cost_per_customer"))).as("2500 ÷ 0.5").isEqualTo(new BigDecimal("5000.00"));
        });
        double linearSum = campaigns.credits(org.smartketing.funnel.CampaignResults.Model.LINEAR).stream()
                .mapToDouble(c -> c.customers().doubleValue()).sum();
        assertThat(value(all, "customers")).isCloseTo(linearSum, within(1e-9));
        assertThat(value(all, "campaigns")).isEqualTo((double) campaigns.campaigns().size());
    }

    // --- goals

    @Test
    void goalsTileShowsTheTeamsGoalsRunningOnTheDaysWithTheirAverageOwnPace() {
        Person lead = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        TeamId team = team(lead, marketer, rep);
        TeamId otherTeam = team(fixtures.aPerson(AppRole.MEMBER, Department.SALES));
        Goal cases = custom(team, "Case studies " + UUID.randomUUID(), "6", marketer, rep);
        Goal talks = custom(team, "Talks given " + UUID.randomUUID(), "10", marketer, rep);
        checkIns.add(cases.id(), new CheckIn.Input(new BigDecimal("3"), 7, null), Fixtures.signedIn(marketer));
        checkIns.add(talks.id(), new CheckIn.Input(new BigDecimal("2"), 5, null), Fixtures.signedIn(rep));

        LocalDate today = LocalDate.now(clock.withZone(BERLIN));
        Tile tile = tiles.tile(TileKey.GOALS, new InsightFilter(today, today, BERLIN, team, null, null));
        assertThat(tile.rows()).extracting(r -> r.get(0), r -> r.get(5), r -> r.get(6)).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(cases.title(), 6.0, 3.0),
                org.assertj.core.groups.Tuple.tuple(talks.title(), 10.0, 2.0));
        assertThat(value(tile, "goals")).isEqualTo(2.0);
        List<GoalStandings.Standing> mine = standings.overlapping(team, today, today);
        List<Double> paces = mine.stream().map(GoalStandings.Standing::pace).filter(java.util.Objects::nonNull).toList();
        for (GoalStandings.Standing s : mine) {
            assertThat(s.pace()).as("actual ÷ planned to date").isEqualTo(
                    s.plannedToDate() == 0 ? null : s.actual() / s.plannedToDate());
        }
        assertThat(value(tile, "pace")).isEqualTo(paces.isEmpty() ? null
                : paces.stream().mapToDouble(Double::doubleValue).sum() / paces.size());
        assertThat(value(tile, "on_track")).isEqualTo((double) mine.stream().filter(s -> "On track".equals(s.status())).count());

        Tile others = tiles.tile(TileKey.GOALS, new InsightFilter(today, today, BERLIN, otherTeam, null, null));
        assertThat(others.rows()).isEmpty();
        assertThat(value(others, "pace")).isNull();
        Tile empty = tiles.tile(TileKey.GOALS, new InsightFilter(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31),
                BERLIN, team, null, null));
        assertThat(empty.rows()).isEmpty();
        assertThat(value(empty, "goals")).isZero();
    }

    // --- cross-training

    @Test
    void crossTrainingCoverageIsTheShareOfRolesMeetingTheirTarget() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Tile tile = tiles.tile(TileKey.CROSS_TRAINING, new InsightFilter(today.minusDays(30), today, ZoneOffset.UTC,
                null, null, null));
        var figures = crossTraining.over(today.minusDays(30), today.plusDays(1));
        assertThat(tile.rows()).hasSameSizeAs(figures.roles());
        for (List<Object> row : tile.rows()) {
            long seen = (Long) row.get(tile.column("seen_by"));
            long hosts = (Long) row.get(tile.column("hosts"));
            long target = (Long) row.get(tile.column("target"));
            assertThat(row.get(tile.column("meets"))).isEqualTo(seen >= target && hosts >= 1 ? "Yes" : "No");
        }
        long meeting = tile.rows().stream().filter(r -> "Yes".equals(r.get(tile.column("meets")))).count();
        assertThat(value(tile, "coverage")).isEqualTo(tile.rows().isEmpty() ? 0.0
                : Math.round(100.0 * meeting / tile.rows().size()) / 100.0);
        assertThat(value(tile, "sessions")).isEqualTo((double) figures.sessionsHeld());
        assertThat(tile.headline("sessions").orElseThrow().label()).as("every session so far, not the days'")
                .contains("so far");

        Tile empty = tiles.tile(TileKey.CROSS_TRAINING, new InsightFilter(LocalDate.of(2001, 1, 1),
                LocalDate.of(2001, 1, 31), ZoneOffset.UTC, null, null, null));
        assertThat(value(empty, "sessions")).isEqualTo(value(tile, "sessions"));
        assertThat(value(empty, "marketing_effect")).isNull();
        assertThat(value(empty, "sales_effect")).isNull();
    }

    // --- helpers

    private static Double value(Tile tile, String headline) {
        return tile.headline(headline).orElseThrow().value();
    }

    private TeamId team(Person... members) {
        TeamId id = TeamId.random();
        Set<PersonId> ids = java.util.Arrays.stream(members).map(Person::id).collect(java.util.stream.Collectors.toSet());
        teams.insert(new Team(id, "Insights team " + id.value().toString().substring(0, 8), null, ids, Instant.now(),
                Instant.now()));
        return id;
    }

    private Person salesRep() {
        String name = "Rep " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, Department.SALES,
                AppRole.MEMBER, "Account executive", BERLIN, WorkingHours.standard(), null, Instant.now());
        people.insert(p);
        return p;
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    private LeadId anMql() {
        LeadId lead = intake.take(new IncomingLead("sla." + UUID.randomUUID() + "@example.com", null, null, null, "Sal", "Lead", null, null, null, null, null, null, null, null, null, null, null, null, "web", null, null, null, null, List.of(), null, null, null), LeadHistory.Channel.API).lead().id();
        stages.moveAutomatically(lead, new Lead.Transition(Stage.MQL, null, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM insight_stage_change WHERE lead_id = ? AND to_stage = 'MQL'").param(lead.value())
                .query(Long.class).single() == 1);
        return lead;
    }

    private Instant mqlAt(LeadId lead) {
        return jdbc.sql("SELECT occurred_at FROM insight_stage_change WHERE lead_id = ? AND to_stage = 'MQL'")
                .param(lead.value()).query((rs, n) -> Sql.instant(rs, "occurred_at")).single();
    }

    /** A clock run as the SLA clock leaves it. */
    private void run(LeadId lead, String clockName, Person owner, Instant started, Instant due, Instant stopped,
            String outcome) {
        jdbc.sql("""
                INSERT INTO lead_sla_clock (lead_id, clock, run, owner_id, work_minutes, started_at, warn_at, due_at,
                    stopped_at, outcome) VALUES (?, ?, 1, ?, 240, ?, ?, ?, ?, ?)""")
                .params(lead.value(), clockName, owner.id().value(), Sql.utc(started), Sql.utc(due), Sql.utc(due),
                        Sql.utc(stopped), outcome)
                .update();
    }

    private void received(Person to, String urgency, Instant sentAt, Integer promised, Integer ackAfterMinutes,
            boolean delivered) {
        PartRows.received(jdbc, to, urgency, sentAt, promised, ackAfterMinutes, delivered);
    }

    private UUID series(Person sponsor, LocalDate day) {
        return PartRows.series(jdbc, "Pipeline review " + UUID.randomUUID(), sponsor, day);
    }

    private UUID meeting(UUID family, LocalDate day) {
        return PartRows.meeting(jdbc, family, day, "Actions each");
    }

    private void commit(UUID meeting, Person who) {
        PartRows.commit(jdbc, meeting, who);
    }

    private void item(UUID meeting, UUID family, Person owner, LocalDate due, String status, LocalDate doneOn) {
        PartRows.item(jdbc, meeting, family, owner, due, status, doneOn);
    }

    private Goal custom(TeamId team, String title, String target, Person marketer, Person rep) {
        var today = LocalDate.now(BERLIN);
        Period.Input quarter = new Period.Input(today.getYear() + "-Q" + today.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR),
                null, null, null);
        return planning.set(new NewGoal(team.value(), title, quarter, null, new Outcome.Input("CUSTOM", new BigDecimal(target),
                null), "MONTHLY", null, List.of(PlannedActivity.Input.of("CONTENT", 2, "MONTH",
                        List.of(marketer.id().value(), rep.id().value()), null, null))), Fixtures.signedIn(marketer));
    }

    private String nameOf(String campaignId) {
        return campaigns.campaigns().stream().filter(c -> c.id().value().toString().equals(campaignId)).findFirst()
                .orElseThrow().name();
    }

    private String campaign(String name, String token) throws Exception {
        MvcResult created = call("/api/v1/campaigns", "{\"name\": \"" + name + "\", \"channel\": \"webinar\", "
                + "\"budget\": 2500, \"currency\": \"eur\"}", token);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        return idIn(created);
    }

    private String lead(String email, String campaign, String token) throws Exception {
        return idIn(call("/api/v1/leads", "{\"email\": \"" + email + "\", \"campaignId\": \"" + campaign + "\"}", token));
    }

    private void win(String lead, String amount, String token) throws Exception {
        for (String to : List.of("MQL", "SAL", "SQL")) {
            call("/api/v1/leads/" + lead + "/transitions", "{\"to\": \"" + to + "\"}", token);
        }
        call("/api/v1/leads/" + lead + "/transitions", "{\"to\": \"OPPORTUNITY\", \"amount\": " + amount
                + ", \"currency\": \"EUR\"}", token);
        assertThat(call("/api/v1/leads/" + lead + "/transitions", "{\"to\": \"CUSTOMER\"}", token).getResponse()
                .getStatus()).isEqualTo(200);
    }

    private static String idIn(MvcResult result) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(result.getResponse().getContentAsString());
        assertThat(m.find()).as(result.getResponse().getContentAsString()).isTrue();
        return m.group(1);
    }

    private MvcResult call(String url, String body, String token) throws Exception {
        return mvc.perform(post(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }
}

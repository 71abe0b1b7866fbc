package org.smartketing.funnel.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.ClockFigures;
import org.smartketing.funnel.FunnelFigures;
import org.smartketing.funnel.Grouping;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.TimeRange;
import org.smartketing.shared.Sql;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The SLA report on a small fixed data set in February 2024 (a month no other test touches). A
 * rep in Berlin, 9 to 5, an 8-hour accept clock started Monday 5 Feb 09:00 six times: accepted
 * after 1, 2 (rejected), 3 and 10 working hours (late), one still running long past due, one
 * handed on in time. Times [1, 2, 3, 10]: median 2.5, p90 7.9; within 3, breaches 2, share 3/5.
 */
@IntegrationTest
class SlaReportTests {

    static final Instant MONDAY_9 = Instant.parse("2024-02-05T08:00:00Z");
    static final Instant MONDAY_17 = Instant.parse("2024-02-05T16:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    Handoffs handoffs;
    String token;
    /** Seeded once for the class: the MQL counts would add up otherwise. */
    static Person rep;

    @BeforeEach
    void aMonthOfClocks() {
        handoffs = new Handoffs(context);
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        if (rep != null) {
            return;
        }
        rep = handoffs.aRepWithAManager();
        LeadId lead = handoffs.anMql();
        clock(lead, "ACCEPT", 1, 480, MONDAY_9, MONDAY_17, "2024-02-05T09:00:00Z", "ACCEPTED", null);
        clock(lead, "ACCEPT", 2, 480, MONDAY_9, MONDAY_17, "2024-02-05T10:00:00Z", "REJECTED", null);
        clock(lead, "ACCEPT", 3, 480, MONDAY_9, MONDAY_17, "2024-02-05T11:00:00Z", "ACCEPTED", null);
        clock(lead, "ACCEPT", 4, 480, MONDAY_9, MONDAY_17, "2024-02-06T10:00:00Z", "ACCEPTED", MONDAY_17);
        clock(lead, "ACCEPT", 5, 480, MONDAY_9, MONDAY_17, null, null, MONDAY_17);
        clock(lead, "ACCEPT", 6, 480, MONDAY_9, MONDAY_17, "2024-02-05T12:00:00Z", "REASSIGNED", null);
        clock(lead, "FIRST_CONTACT", 1, 1440, MONDAY_9, Instant.parse("2024-02-08T08:00:00Z"),
                "2024-02-07T12:00:00Z", "CONTACTED", null);
        clock(lead, "ACCEPT", 7, 480, Instant.parse("2024-03-01T08:00:00Z"), Instant.parse("2024-03-01T16:00:00Z"),
                "2024-03-01T09:00:00Z", "ACCEPTED", null); // March: not in February's report
        List<LeadId> mqls = List.of(handoffs.anMql(), handoffs.anMql(), handoffs.anMql());
        mql(mqls.get(0), "2024-02-01T00:00:00Z");
        mql(mqls.get(1), "2024-02-29T23:59:59Z");
        mql(mqls.get(1), "2024-02-15T10:00:00Z"); // the same lead twice counts once
        mql(mqls.get(2), "2024-03-01T00:00:00Z"); // March
    }

    @Test
    void reportsTimesSharesAndBreachesPerRepAndMarketingsMqls() throws Exception {
        JsonNode report = report("/api/v1/sla/report?month=2024-02");
        assertThat(report.get("month").asString()).isEqualTo("2024-02");
        JsonNode row = repRow(report);
        JsonNode accept = row.get("accept");
        assertThat(accept.get("runs").asInt()).isEqualTo(6);
        assertThat(accept.get("completed").asInt()).isEqualTo(4);
        assertThat(accept.get("medianHours").asDouble()).isEqualTo(2.5);
        assertThat(accept.get("p90Hours").asDouble()).isEqualTo(7.9);
        assertThat(accept.get("withinSla").asInt()).isEqualTo(3);
        assertThat(accept.get("breaches").asInt()).isEqualTo(2);
        assertThat(accept.get("shareWithinSla").asDouble()).isEqualTo(0.6);
        JsonNode contact = row.get("firstContact");
        assertThat(contact.get("medianHours").asDouble()).as("Mon 8h + Tue 8h + Wed 9-13").isEqualTo(20.0);
        assertThat(contact.get("shareWithinSla").asDouble()).isEqualTo(1.0);
        assertThat(contact.get("breaches").asInt()).isZero();
        JsonNode marketing = report.get("marketing");
        assertThat(marketing.get("mqls").asLong()).isEqualTo(2);
        assertThat(marketing.get("commitment").asInt()).as("no agreement before March 2024: the defaults").isEqualTo(50);
        assertThat(marketing.get("shareOfCommitment").asDouble()).isEqualTo(0.04);
    }

    @Test
    void givesEachOwnersClocksPerWeekOfTheirZoneThroughTheFunnelsFace() {
        FunnelFigures figures = context.getBean(FunnelFigures.class);
        TimeRange february = TimeRange.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), ZoneOffset.UTC);
        List<FunnelFigures.SlaFigure> rows = figures.sla(new FunnelFigures.SlaQuery(february, Grouping.WEEK,
                ZoneId.of("Europe/Berlin"), Set.of(rep.id())));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.periodStart()).as("the Monday of the week the runs started").isEqualTo(LocalDate.of(2024, 2, 5));
            assertThat(row.owner()).isEqualTo(rep.id());
            assertThat(row.accept()).isEqualTo(new ClockFigures(6, 4, 2.5, 7.9, 3, 2, 0.6));
            assertThat(row.firstContact().medianHours()).isEqualTo(20.0);
        });
        assertThat(figures.sla(new FunnelFigures.SlaQuery(february, Grouping.WHOLE, ZoneOffset.UTC,
                Set.of(fixtures.aPerson(AppRole.MEMBER).id())))).as("someone who held no clock").isEmpty();
    }

    @Test
    void exportsTheReportAsCsvByAcceptHeaderOrFormat() throws Exception {
        for (var request : List.of(get("/api/v1/sla/report?month=2024-02").header(HttpHeaders.ACCEPT, "text/csv"),
                get("/api/v1/sla/report?month=2024-02&format=csv"))) {
            MvcResult result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentType()).startsWith("text/csv");
            String csv = result.getResponse().getContentAsString();
            assertThat(csv).startsWith("\uFEFFmonth,owner,email,clock,runs,completed,median_hours,p90_hours,within_sla,"
                    + "breaches,share_within_sla,marketing_mqls,marketing_commitment,marketing_share_of_commitment\r\n");
            assertThat(csv).as("one table: marketing's figures for the month on every line")
                    .contains("2024-02," + rep.displayName() + "," + rep.email() + ",ACCEPT,6,4,2.5,7.9,3,2,0.6,2,50,0.04\r\n");
        }
    }

    @Test
    void refusesAMonthThatIsNotOne() throws Exception {
        for (String month : List.of("2024-13", "February", "0000-01", "2024-02-01")) {
            MvcResult result = mvc.perform(get("/api/v1/sla/report").param("month", month)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
            assertThat(result.getResponse().getStatus()).as(month).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"month");
        }
    }

    private JsonNode repRow(JsonNode report) {
        for (JsonNode r : report.get("reps")) {
            if (r.get("ownerId").asString().equals(rep.id().toString())) {
                return r;
            }
        }
        throw new AssertionError("no row for the rep in " + report);
    }

    private JsonNode report(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private void clock(LeadId lead, String clock, int run, int minutes, Instant started, Instant due, String stopped,
            String outcome, Instant breached) {
        handoffs.jdbc.sql("""
                INSERT INTO lead_sla_clock (lead_id, clock, run, owner_id, work_minutes, started_at, warn_at, due_at,
                    stopped_at, outcome, breached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lead.value(), clock, run, rep.id().value(), minutes, Sql.utc(started), Sql.utc(started),
                        Sql.utc(due), stopped == null ? null : Sql.utc(Instant.parse(stopped)), outcome,
                        Sql.utc(breached))
                .update();
    }

    private void mql(LeadId lead, String at) {
        handoffs.jdbc.sql("""
                INSERT INTO lead_stage_event (lead_id, from_stage, to_stage, actor_label, occurred_at)
                VALUES (?, 'NEW', 'MQL', 'test', ?)""").params(lead.value(), Sql.utc(Instant.parse(at))).update();
    }

}

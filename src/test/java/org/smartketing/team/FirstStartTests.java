package org.smartketing.team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.demo.DemoCompany;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A brand-new installation: nobody there, the first person sets up the administrator. */
@IntegrationTest
class FirstStartTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TeamDirectory directory;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.smartketing.team.people.PersonAdministration administration;

    @Autowired
    org.smartketing.team.audit.AuditEntries audit;

    @BeforeEach
    void aBrandNewInstallation() {
        fixtures.emptyDatabase();
    }

    @Test
    void sendsTheFirstVisitorToSetUp() throws Exception {
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/setup");
        assertThat(mvc.perform(get("/setup")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void createsTheAdministratorWhoCanThenSignInAndSetUpSendsToSignInFromThenOn() throws Exception {
        MvcResult created = mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin")
                .param("email", "Ada@Example.com").param("password", "first admin password").param("timeZone", "Europe/Paris"))
                .andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/login");

        assertThat(mvc.perform(formLogin("/login").userParameter("email").user("ada@example.com")
                .password("first admin password")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/setup")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(mvc.perform(post("/setup").with(csrf()).param("displayName", "Mallory").param("email", "m@example.com")
                .param("password", "second admin password").param("timeZone", "UTC")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(directory.enabledPeople()).singleElement().satisfies(p -> {
            assertThat(p.appRole()).isEqualTo(AppRole.ADMIN);
            assertThat(p.zone().getId()).isEqualTo("Europe/Paris");
        });
    }

    @Test
    void onlyOneOfSeveralSimultaneousSetUpsBecomesAdministrator() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var attempts = java.util.stream.IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
                try {
                    administration.createFirstAdmin("racer" + i + "@example.com", "Racer " + i, java.time.ZoneId.of("UTC"),
                            "hash");
                    return true;
                }
                catch (RuntimeException ex) {
                    return false;
                }
            })).toList();
            long winners = 0;
            for (var attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(directory.enabledPeople()).hasSize(1);
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void recordsTheDemoCompanyInTheAuditLog() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));
        assertThat(audit.find(new org.smartketing.team.audit.AuditEntries.Filter("person", null, null, null, null, null), 50))
                .filteredOn(e -> e.action().equals("demo-created")).hasSize(10);
    }

    @Test
    void fillsTheDemoFunnelWithLeadsInEveryStageAndRejectionReasons() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));
        var stages = jdbc.sql("SELECT DISTINCT stage FROM lead").query(String.class).list();
        assertThat(stages).contains("NEW", "MQL", "SAL", "SQL", "OPPORTUNITY", "CUSTOMER", "REJECTED", "RECYCLED", "LOST");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_stage_event WHERE to_stage = 'REJECTED' AND reason IS NOT NULL")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_sla_clock WHERE breached_at IS NOT NULL").query(Long.class).single())
                .as("some handoffs breached the SLA").isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_sla_clock WHERE breached_at IS NULL AND outcome = 'ACCEPTED'")
                .query(Long.class).single()).as("most did not").isPositive();
    }

    @Test
    void refusesAWeakPasswordOnSetUp() throws Exception {
        MvcResult result = mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada").param("email", "ada@example.com")
                .param("password", "short").param("timeZone", "UTC")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("password-error");
        assertThat(directory.enabledPeople()).isEmpty();
    }

    @Test
    void fillsTheDemoCompanyTheSameWayEveryTime() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));
        var first = directory.enabledPeople().stream().map(p -> p.id() + " " + p.email()).sorted().toList();

        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));
        var second = directory.enabledPeople().stream().map(p -> p.id() + " " + p.email()).sorted().toList();

        assertThat(first).hasSize(11);
        assertThat(second.stream().filter(p -> p.contains(DemoCompany.DOMAIN))).isEqualTo(first.stream()
                .filter(p -> p.contains(DemoCompany.DOMAIN)).toList());
        assertThat(directory.enabledPeople()).extracting(PersonSummary::department).contains(Department.values());
    }
}

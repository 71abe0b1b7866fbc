package org.smartketing.team;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.audit.AuditEntries;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditEntries entries;

    @Test
    void recordsWhoChangedAPersonWithTheStateBeforeAndAfter() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);

        mvc.perform(post("/people/" + rep.id()).with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("email", rep.email()).param("displayName", rep.displayName()).param("department", "MARKETING")
                .param("appRole", "MANAGER").param("timeZone", "Asia/Tokyo").param("workStart", "10:00")
                .param("workEnd", "19:00").param("workDays", "MONDAY", "TUESDAY"));

        List<AuditEntries.Entry> found = history("person", rep.id());
        assertThat(found).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("updated");
            assertThat(entry.actorLabel()).isEqualTo(admin.email());
            assertThat(entry.before()).contains("\"department\":\"SALES\"", "\"appRole\":\"MEMBER\"");
            assertThat(entry.after()).contains("\"department\":\"MARKETING\"", "\"appRole\":\"MANAGER\"",
                    "Asia/Tokyo");
            assertThat(entry.after()).doesNotContain("password", "$2a$");
        });
    }

    @Test
    void recordsInvitationsTeamsAndTokensMadeThroughTheApi() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String token = fixtures.tokenFor(admin, TokenScope.READ_WRITE);

        MvcResult team = mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Audit pod " + System.nanoTime() + "\", \"memberIds\": [\"" + admin.id() + "\"]}"))
                .andReturn();
        String teamId = team.getResponse().getHeader(HttpHeaders.LOCATION).replaceAll(".*/", "");

        assertThat(entries.find(new AuditEntries.Filter("team", teamId, null, null, null, null), 10))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("created");
                    assertThat(entry.actorLabel()).isEqualTo(admin.email());
                    assertThat(entry.before()).isNull();
                    assertThat(entry.after()).contains(admin.id().toString());
                });
        assertThat(entries.find(new AuditEntries.Filter("api-token", null, null, null, null, null), 500))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("created");
                    assertThat(entry.after()).contains(admin.id().toString(), "read-write");
                });
    }

    @Test
    void showsAdminsTheFilteredLogAndKeepsOthersOut() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/people/" + rep.id() + "/disable").with(user(Fixtures.signedIn(admin))).with(csrf()));

        MvcResult page = mvc.perform(get("/admin/audit").param("entityType", "person").param("actor", admin.email())
                .with(user(Fixtures.signedIn(admin)))).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("disabled", admin.email());

        Person manager = fixtures.aPerson(AppRole.MANAGER);
        assertThat(mvc.perform(get("/admin/audit").with(user(Fixtures.signedIn(manager)))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void aPersonsOwnProfileChangeIsRecordedAsTheirs() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/profile").with(user(Fixtures.signedIn(rep))).with(csrf()).param("displayName", "Renamed Rep")
                .param("jobRole", "SDR").param("timeZone", "America/Chicago").param("workStart", "08:00")
                .param("workEnd", "16:00").param("workDays", "MONDAY", "WEDNESDAY"));

        Person after = fixtures.reload(rep.id());
        assertThat(after.displayName()).isEqualTo("Renamed Rep");
        assertThat(after.zone().getId()).isEqualTo("America/Chicago");
        assertThat(history("person", rep.id())).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("profile-updated");
            assertThat(e.actorLabel()).isEqualTo(rep.email());
        });
    }

    private List<AuditEntries.Entry> history(String type, Object id) {
        return entries.find(new AuditEntries.Filter(type, id.toString(), null, null, null, null), 10);
    }
}

package org.smartketing.funnel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class LeadPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Person marketer;

    @BeforeEach
    void aMarketer() {
        marketer = fixtures.aPerson(AppRole.MEMBER, org.smartketing.team.Department.MARKETING);
    }

    @Test
    void addsALeadByHandAndShowsItsPage() throws Exception {
        String email = "manual." + System.nanoTime() + "@example.com";
        MvcResult created = mvc.perform(post("/leads").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("email", email).param("firstName", "Mona").param("lastName", "Manual").param("company", "Hand Made")
                .param("tags", "trade-show, vip").param("consentGiven", "true").param("consentMethod", "badge scan")).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/leads/");

        String page = mvc.perform(get(location).with(user(Fixtures.signedIn(marketer)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Mona Manual", "Hand Made", "trade-show, vip", "badge scan", "Entered by hand");
    }

    @Test
    void theLeadListsFilterKeepsTheChosenOwnerSelected() throws Exception {
        String chosen = mvc.perform(get("/leads").param("owner", marketer.id().toString())
                .with(user(Fixtures.signedIn(marketer)))).andReturn().getResponse().getContentAsString();
        assertThat(chosen).contains("<option value=\"" + marketer.id() + "\" selected=\"selected\">");

        String me = mvc.perform(get("/leads").param("owner", "me").with(user(Fixtures.signedIn(marketer)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(me).contains("<option value=\"me\" selected=\"selected\">")
                .doesNotContain("<option value=\"" + marketer.id() + "\" selected=\"selected\">");
    }

    @Test
    void showsFieldErrorsForAManualLeadAndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();
        MvcResult result = mvc.perform(post("/leads").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("email", "").param("phone", "+49 1").param("lastName", "<i>x</i>")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("lastName-error");
        MvcResult phone = mvc.perform(post("/leads").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("phone", "1".repeat(61)).param("lastName", "Phone")).andReturn();
        assertThat(phone.getResponse().getContentAsString()).contains("phone-error", "size must be between 0 and 60");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void rejectingFromTheBoardAsksForTheReasonAndKeepsIt() throws Exception {
        String email = "board." + System.nanoTime() + "@example.com";
        String location = mvc.perform(post("/leads").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("email", email).param("lastName", "Board")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/move").with(user(Fixtures.signedIn(marketer))).with(csrf()).param("to", "MQL")
                .param("back", "board"));

        MvcResult asks = mvc.perform(post(location + "/move").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("to", "REJECTED").param("back", "board")).andReturn();
        assertThat(asks.getResponse().getStatus()).isEqualTo(200);
        assertThat(asks.getResponse().getContentAsString()).contains("Why is sales rejecting it?", "No budget");

        MvcResult noReason = mvc.perform(post(location + "/move").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("to", "REJECTED").param("back", "board").param("details", "true")).andReturn();
        assertThat(noReason.getResponse().getContentAsString()).contains("reason-error");

        MvcResult done = mvc.perform(post(location + "/move").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("to", "REJECTED").param("back", "board").param("details", "true").param("reason", "No budget"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/pipeline");
        assertThat(mvc.perform(get(location).with(user(Fixtures.signedIn(marketer)))).andReturn().getResponse()
                .getContentAsString()).contains("Rejected by sales", "No budget");
    }

    @Test
    void refusesAMoveTheStageDoesNotAllowWithTheAllowedOnesNamed() throws Exception {
        String location = mvc.perform(post("/leads").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("email", "skip." + System.nanoTime() + "@example.com")).andReturn().getResponse().getRedirectedUrl();
        MvcResult result = mvc.perform(post(location + "/move").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("to", "CUSTOMER")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(result.getResponse().getContentAsString()).contains("Marketing-qualified");
    }

    @Test
    void showsTheBoardAndTheListWithSavedViews() throws Exception {
        mvc.perform(post("/leads").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("email", "listed." + System.nanoTime() + "@example.com").param("company", "Listed Inc"));
        assertThat(mvc.perform(get("/pipeline").with(user(Fixtures.signedIn(marketer)))).andReturn().getResponse()
                .getContentAsString()).contains("Marketing-qualified", "Listed Inc");

        mvc.perform(post("/leads/views").with(user(Fixtures.signedIn(marketer))).with(csrf()).param("name", "Listed ones")
                .param("query", "q=listed"));
        String list = mvc.perform(get("/leads").with(user(Fixtures.signedIn(marketer)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("Listed ones", "/leads?q=listed", "My MQLs waiting for acceptance");
        assertThat(mvc.perform(get("/leads?q=listed").with(user(Fixtures.signedIn(marketer)))).andReturn().getResponse()
                .getContentAsString()).contains("Listed Inc");
    }
}

package org.smartketing.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smartketing.funnel.leads.Lead;

import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The lead list as a list people work in: sorted by a column, counted, paged, and changed many leads at once. */
@IntegrationTest
class LeadListsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadStages stages;

    @Autowired
    Leads leads;

    Person rep;
    String company;

    @BeforeEach
    void aCompanyOfItsOwn() {
        rep = fixtures.aPerson(AppRole.MEMBER);
        company = "Qx" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void sortsByNameAndPagesThroughSayingHowManyAreLeft() throws Exception {
        List<String> lastNames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String last = "Name" + (char) ('a' + (i * 7) % 26) + i;
            lastNames.add(last);
            aLead("Ann", last);
        }
        lastNames.sort(String.CASE_INSENSITIVE_ORDER);

        String first = page("/leads?q=" + company + "&sort=name");
        assertThat(first).contains("Leads 1–25 of 30, name, a to z.").contains("aria-sort=\"ascending\"");
        assertThat(shownLastNames(first)).containsExactlyElementsOf(lastNames.subList(0, 25));
        String next = nextLink(first);
        assertThat(first).contains("Next 5 (5 more) →");

        String second = page(next);
        assertThat(shownLastNames(second)).containsExactlyElementsOf(lastNames.subList(25, 30));
        assertThat(second).contains("Leads 26–30 of 30, name, a to z.").doesNotContain("id=\"next-page\"");
    }

    @Test
    void sortsByCompanyAndByScoreFromTheColumnHeaders() throws Exception {
        aLead("Bo", "Zeta", "b " + company);
        aLead("Al", "Alpha", "c " + company);
        aLead("Cy", "Mid", "a " + company);

        String byCompany = page("/leads?q=" + company + "&sort=company");
        assertThat(byCompany.indexOf("Cy Mid")).isLessThan(byCompany.indexOf("Bo Zeta"));
        assertThat(byCompany.indexOf("Bo Zeta")).isLessThan(byCompany.indexOf("Al Alpha"));
        assertThat(byCompany).contains("href=\"/leads?q=" + company + "&amp;sort=name\"");
        assertThat(page("/leads?q=" + company + "&sort=score")).contains("highest score first");
    }

    @Test
    void assignsThreePickedLeadsAtOnceAndSaysSo() throws Exception {
        List<Lead> three = List.of(aLead("A", "One"), aLead("B", "Two"), aLead("C", "Three"));
        Person owner = fixtures.aPerson(AppRole.MEMBER);

        MvcResult result = bulk("assign", three).param("ownerId", owner.id().toString())
                .param("back", "?q=" + company).andReturnResult();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/leads?q=" + company);
        assertThat(result.getFlashMap().get("flash")).isEqualTo("3 leads assigned.");
        three.forEach(l -> assertThat(leads.byId(l.id()).orElseThrow().ownerId()).isEqualTo(owner.id().value()));
    }

    @Test
    void tagsPickedLeadsKeepingTheirOtherTags() throws Exception {
        List<Lead> two = List.of(aLead("A", "One"), aLead("B", "Two"));

        bulk("tag", two).param("tag", " webinar-2026 ").andReturnResult();

        two.forEach(l -> assertThat(leads.byId(l.id()).orElseThrow().tags()).containsExactly("webinar-2026"));
    }

    @Test
    void aMoveThatNeedsAReasonAsksOnceThenMovesEachAndNamesTheLeadThatCannotGo() throws Exception {
        Lead mql = aLead("Mo", "Mql");
        stages.move(mql.id(), new Lead.Transition(Stage.MQL, null, null, null));
        Lead fresh = aLead("Nu", "New");

        String form = bulk("move", List.of(mql, fresh)).param("to", "REJECTED").andReturnResult().getResponse()
                .getContentAsString();
        assertThat(form).contains("2 leads: Rejected by sales").contains("Why is sales rejecting them?");
        assertThat(leads.byId(mql.id()).orElseThrow().stage()).isEqualTo(Stage.MQL);

        MvcResult done = bulk("move", List.of(mql, fresh)).param("to", "REJECTED").param("details", "true")
                .param("reason", "No budget").andReturnResult();

        assertThat(leads.byId(mql.id()).orElseThrow().stage()).isEqualTo(Stage.REJECTED);
        assertThat(leads.byId(fresh.id()).orElseThrow().stage()).isEqualTo(Stage.NEW);
        assertThat(done.getFlashMap().get("flash")).isEqualTo("1 lead moved to Rejected by sales. 1 could not be changed:");
        assertThat((List<?>) done.getFlashMap().get("bulkProblems")).singleElement().asString()
                .startsWith("Nu New: from New it can go to");
    }

    @Test
    void aMoveWithoutTheReasonItNeedsShowsTheFormAgainAndMovesNothing() throws Exception {
        Lead mql = aLead("Mo", "Mql");
        stages.move(mql.id(), new Lead.Transition(Stage.MQL, null, null, null));

        String again = bulk("move", List.of(mql)).param("to", "RECYCLED").param("details", "true")
                .param("reason", "Not this year").andReturnResult().getResponse().getContentAsString();

        assertThat(again).contains("id=\"bulk-problem\"").contains("a date after today").contains("Not this year");
        assertThat(leads.byId(mql.id()).orElseThrow().stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void exportsThePickedLeadsAsCsv() throws Exception {
        Lead one = aLead("Ex", "Ported");
        aLead("Not", "Picked");

        MvcResult csv = bulk("export", List.of(one)).andReturnResult();

        String body = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(body).contains("Ported").doesNotContain("Picked");
    }

    @Test
    void badPicksAndBadListParametersAreClearErrorsNamingTheField() throws Exception {
        assertProblem(mvc.perform(post("/leads/bulk").param("action", "assign").with(csrf()).with(user(me()))), "ids");
        assertProblem(mvc.perform(post("/leads/bulk").param("action", "assign").param("ids", "not-an-id")
                .with(csrf()).with(user(me()))), "not a lead");
        MockHttpServletRequestBuilder many = post("/leads/bulk").param("action", "tag").param("tag", "x");
        for (int i = 0; i < 201; i++) {
            many.param("ids", UUID.randomUUID().toString());
        }
        assertProblem(mvc.perform(many.with(csrf()).with(user(me()))), "at most 200");
        assertProblem(mvc.perform(post("/leads/bulk").param("action", "shred").param("ids", UUID.randomUUID().toString())
                .with(csrf()).with(user(me()))), "action");
        assertProblem(mvc.perform(bulkRequest("tag", List.of(aLead("T", "Ag"))).param("tag", "a,b")), "tag");
        assertProblem(mvc.perform(get("/leads").param("sort", "shoe-size").with(user(me()))), "sort");
        assertProblem(mvc.perform(get("/leads").param("sort", "name").param("cursor", "bm90IGEgY3Vyc29y")
                .with(user(me()))), "cursor");
    }

    @Test
    void goesBackOnlyToTheLeadList() throws Exception {
        MvcResult result = bulk("tag", List.of(aLead("Go", "Back"))).param("tag", "t")
                .param("back", "//evil.example.com").andReturnResult();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/leads");
    }

    private Lead aLead(String first, String last) {
        return aLead(first, last, company);
    }

    private Lead aLead(String first, String last, String companyName) {
        return fixtures.aLeadNamed(first, last, companyName);
    }

    private org.smartketing.team.SignedInPerson me() {
        return Fixtures.signedIn(rep);
    }

    private MockHttpServletRequestBuilder bulkRequest(String action, List<Lead> picked) {
        MockHttpServletRequestBuilder request = post("/leads/bulk").param("action", action).with(csrf()).with(user(me()));
        picked.forEach(l -> request.param("ids", l.id().toString()));
        return request;
    }

    private Bulk bulk(String action, List<Lead> picked) {
        return new Bulk(bulkRequest(action, picked));
    }

    /** A bulk request being put together, sent by {@link #andReturnResult()}. */
    private final class Bulk {

        private final MockHttpServletRequestBuilder request;

        Bulk(MockHttpServletRequestBuilder request) {
            this.request = request;
        }

        Bulk param(String name, String value) {
            request.param(name, value);
            return this;
        }

        MvcResult andReturnResult() throws Exception {
            MvcResult result = mvc.perform(request).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isLessThan(400);
            return result;
        }
    }

    private static void assertProblem(org.springframework.test.web.servlet.ResultActions actions, String text)
            throws Exception {
        MvcResult result = actions.andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains(text);
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path.replace("&amp;", "&")).with(user(me()))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static String nextLink(String page) {
        Matcher m = Pattern.compile("href=\"([^\"]+)\"\\s+rel=\"next\"").matcher(page);
        assertThat(m.find()).as("a next link").isTrue();
        return m.group(1);
    }

    private static List<String> shownLastNames(String page) {
        Matcher m = Pattern.compile(">Ann (Name[a-z]\\d+)</a>").matcher(page);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

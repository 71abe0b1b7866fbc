package org.smartketing.funnel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
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

/** The pipeline board: every card reachable 30 at a time, counts and amounts that follow "only mine". */
@IntegrationTest
class PipelineBoardTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Person rep;

    @BeforeEach
    void aRep() {
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
    }

    @Test
    void onlyMineCountsAndAddsUpOnlyMyLeads() throws Exception {
        Lead mine = inStage(fixtures.aLeadNamed("Mia", "Mine", "Mine GmbH"), "SQL", rep, "1200.00", "EUR");
        inStage(fixtures.aLeadNamed("Mia", "Mine", "Mine GmbH"), "SQL", rep, "300", "EUR");
        inStage(fixtures.aLeadNamed("Oda", "Other", "Other AG"), "SQL", fixtures.aPerson(AppRole.MEMBER), "5000", "EUR");

        String board = page("/pipeline?mine=true");
        assertThat(between(board, "count-SQL\">", "<")).isEqualTo("2 leads");
        assertThat(between(board, "total-SQL\">", "<")).isEqualTo("€1,500");
        assertThat(board).contains("€1,200").contains(mine.displayName()).doesNotContain("Other AG")
                .contains("value=\"board-mine\"");

        String everyone = page("/pipeline");
        assertThat(between(everyone, "count-SQL\">", "<")).isNotEqualTo("2 leads");
        assertThat(everyone).contains("Other AG");
    }

    @Test
    void aColumnOfMoreThanThirtyCardsOffersTheRestOnTheNextPage() throws Exception {
        List<Lead> made = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            made.add(inStage(fixtures.aLeadNamed("Card", "Number" + i, "Card Co " + i), "SAL", rep, null, null));
        }
        String first = page("/pipeline?mine=true");
        assertThat(between(first, "count-SAL\">", "<")).isEqualTo("32 leads");
        assertThat(first).contains("Card Co 31").doesNotContain("Card Co 0<").doesNotContain("Card Co 1<")
                .contains("Show 2 more (2 not shown)");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a[^>]*id=\"more-SAL\"[^>]*>").matcher(first);
        assertThat(link.find()).as("a link to the column's next cards").isTrue();
        String more = between(link.group(), " href=\"", "\"").replace("&amp;", "&");
        assertThat(more).startsWith("/pipeline?");

        String next = page(more);
        String column = between(next, "id=\"cards-SAL\"", "id=\"col-CUSTOMER\"");
        assertThat(column).contains("Card Co 0<", "Card Co 1<").doesNotContain("Card Co 31<").doesNotContain("more-SAL");
        assertThat(next).contains("30 newer not shown");
    }

    @Test
    void aMoveFromTheOnlyMineBoardComesBackToIt() throws Exception {
        Lead lead = inStage(fixtures.aLeadNamed("Mo", "Ver", "Move Ltd"), "SAL", rep, null, null);
        MvcResult moved = mvc.perform(post("/leads/" + lead.id() + "/move").with(user(Fixtures.signedIn(rep)))
                .with(csrf()).param("to", "SQL").param("back", "board-mine")).andReturn();
        assertThat(moved.getResponse().getRedirectedUrl()).isEqualTo("/pipeline?mine=true");
        String board = page("/pipeline?mine=true");
        assertThat(between(board, "id=\"col-SQL\"", "id=\"col-OPPORTUNITY\"")).contains("Move Ltd");
        assertThat(board).contains("hx-post=\"/leads/" + lead.id() + "/move\"").contains("data-asks=\"more\"");
    }

    private Lead inStage(Lead lead, String stage, Person owner, String amount, String currency) {
        jdbc.sql("UPDATE lead SET stage = ?, owner_id = ?, amount = ?, currency = ? WHERE id = ?")
                .params(stage, owner.id().value(), amount == null ? null : new java.math.BigDecimal(amount), currency,
                        lead.id().value())
                .update();
        return lead;
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(Fixtures.signedIn(rep)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s on the page", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        return text.substring(from + start.length(), to < 0 ? text.length() : to);
    }
}

package org.smartketing.team;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.campaigns.CampaignDetails;
import org.smartketing.funnel.campaigns.CampaignPlanning;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.meetings.Plans;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The global search of the page header: each part's hits in a group, as the viewer may see them. */
@IntegrationTest
class SearchPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignPlanning campaigns;

    @Autowired
    MeetingPlanning meetings;

    Person rep;
    String word;

    @BeforeEach
    void aWordNobodyElseUses() {
        rep = fixtures.aPerson(AppRole.MEMBER);
        word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void findsLeadsByCompanyCampaignsByNameAndTheMeetingsIAttendByTitle() throws Exception {
        Lead lead = aLead("Ada", "Lovelace", word + " Engines");
        campaigns.create(new CampaignDetails(word + " Spring webinar", "webinar", null, null,
                LocalDate.of(2026, 12, 8), null, null), rep.id().value());
        Person manager = fixtures.aPerson(AppRole.MANAGER);
        var series = meetings.create(Plans.weekly(word + " pipeline review", nextWeek(), 2, manager, rep),
                Fixtures.signedIn(manager));

        String page = search(word.toLowerCase(Locale.ROOT), rep);

        assertThat(group(page, "leads")).contains("Ada Lovelace", "href=\"/leads/" + lead.id() + "\"",
                word + " Engines", "New");
        assertThat(group(page, "campaigns")).contains(word + " Spring webinar", "Webinar · from 8 Dec 2026");
        assertThat(group(page, "meetings")).contains(word + " pipeline review",
                "href=\"/meetings/series/" + series.series().id() + "\"", "Series from");
        assertThat(page).doesNotContain("id=\"found-people\"").doesNotContain("Nothing matches");
    }

    @Test
    void findsPeopleByNameOrEmail() throws Exception {
        Person other = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);
        String part = other.displayName().substring(other.displayName().indexOf(' ') + 1);

        assertThat(group(search(part, rep), "people")).contains(other.displayName(), "Marketing",
                "href=\"/people/" + other.id() + "\"");
    }

    @Test
    void leavesOutMeetingsTheViewerIsNotPartOf() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER);
        meetings.create(Plans.weekly(word + " leadership", nextWeek(), 1, manager, fixtures.aPerson(AppRole.MANAGER)),
                Fixtures.signedIn(manager));

        assertThat(search(word, rep)).doesNotContain(word + " leadership");
        assertThat(group(search(word, manager), "meetings")).contains(word + " leadership");
    }

    @Test
    void manyHitsShowTheFirstFewAndLinkToTheWholeListWithTheSameSearch() throws Exception {
        for (int i = 0; i < SearchController.PER_GROUP + 1; i++) {
            aLead("Lead" + i, "Many", word + " Holdings");
        }

        String leads = group(search(word, rep), "leads");
        assertThat(leads.split("<li", -1)).hasSize(SearchController.PER_GROUP + 1);
        assertThat(leads).contains("href=\"/leads?q=" + word + "\"");
    }

    @Test
    void saysSoWhenNothingMatchesOrTheTextIsTooShortOrTooLong() throws Exception {
        assertThat(search(word, rep)).contains("Nothing matches “" + word + "”").doesNotContain("found-");
        assertThat(search("a", rep)).contains("type at least two characters");
        assertThat(search("x".repeat(101), rep)).contains("at most 100 characters");
        assertThat(search("", rep)).contains("Search leads by name, email or company");
        assertThat(search("%_", rep)).as("LIKE wildcards are plain text").contains("Nothing matches");
    }

    @Test
    void everyPageCarriesTheSearchBoxInItsHeader() throws Exception {
        String home = page("/", rep);
        assertThat(home).contains("<search class=\"site-search\"").contains("action=\"/search\"");
    }

    private static java.time.LocalDateTime nextWeek() {
        return LocalDate.now().plusDays(7).atTime(9, 0);
    }

    private Lead aLead(String first, String last, String company) {
        return fixtures.aLeadNamed(first, last, company);
    }

    private String search(String text, Person as) throws Exception {
        MvcResult result = mvc.perform(get("/search").param("q", text).locale(Locale.UK)
                .with(user(Fixtures.signedIn(as)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private String page(String path, Person as) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.signedIn(as)))).andReturn().getResponse().getContentAsString();
    }

    private static String group(String page, String id) {
        int start = page.indexOf("<article id=\"found-" + id + "\"");
        assertThat(start).as("group " + id).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }
}

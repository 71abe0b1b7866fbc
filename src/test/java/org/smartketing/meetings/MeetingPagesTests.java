package org.smartketing.meetings;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class MeetingPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingPlanning planning;

    @Autowired
    MeetingStore meetings;

    @Test
    void everyMeetingPageShowsForAnAttendee() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Series s = planning.create(Plans.weekly("Pages sync", 2, sponsor, rep, marketer), Fixtures.signedIn(rep)).series();
        UUID first = meetings.ofSeries(s.id()).get(0).id();

        for (String page : List.of("/meetings", "/meetings/series/new", "/meetings/series/" + s.id(), "/meetings/" + first,
                "/action-items", "/meetings/measures", "/meetings/calendar")) {
            MvcResult result = mvc.perform(get(page).with(user(Fixtures.signedIn(rep)))).andReturn();
            assertThat(result.getResponse().getStatus()).as(page + ": " + result.getResolvedException()).isEqualTo(200);
        }
        mvc.perform(post("/meetings/" + first + "/start").with(user(Fixtures.signedIn(rep))).with(csrf()));
        MvcResult run = mvc.perform(get("/meetings/" + first + "/run").with(user(Fixtures.signedIn(rep)))).andReturn();
        assertThat(run.getResponse().getStatus()).as(String.valueOf(run.getResolvedException())).isEqualTo(200);
        MvcResult live = mvc.perform(get("/meetings/" + first + "/run").header("HX-Request", "true")
                .with(user(Fixtures.signedIn(rep)))).andReturn();
        assertThat(live.getResponse().getContentAsString()).startsWith("<div id=\"live\"").doesNotContain("<html");
        assertThat(meetings.get(first).status()).isEqualTo(Meeting.Status.RUNNING);
    }

    @Test
    void aMeetingIsHiddenFromAMemberWhoIsNotInIt() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person stranger = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Series s = planning.create(Plans.weekly("Private", 1, sponsor, rep), Fixtures.signedIn(rep)).series();
        UUID first = meetings.ofSeries(s.id()).get(0).id();

        assertThat(mvc.perform(get("/meetings/" + first).with(user(Fixtures.signedIn(stranger)))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }
}

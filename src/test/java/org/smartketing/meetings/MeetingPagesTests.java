package org.smartketing.meetings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.meetings.planning.CalendarFeeds;
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
import org.springframework.beans.factory.annotation.Value;
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

    @Autowired
    org.smartketing.meetings.planning.SeriesStore series;

    @Autowired
    org.smartketing.meetings.running.Boards boards;

    @Autowired
    CalendarFeeds feeds;

    @Value("${local.server.port}")
    int port;

    @Test
    void theSeriesCalendarFileOpensWithThePagesSessionAndTheFeedLinkNamesThePortTheAppListensOn() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Series s = planning.create(Plans.weekly("Calendar file", 3, sponsor, rep), Fixtures.signedIn(rep)).series();

        String page = mvc.perform(get("/meetings/series/" + s.id()).with(user(Fixtures.signedIn(rep)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("href=\"/meetings/series/" + s.id() + "/calendar.ics\"").doesNotContain("/api/v1/meeting-series");
        MvcResult file = mvc.perform(get("/meetings/series/" + s.id() + "/calendar.ics").with(user(Fixtures.signedIn(rep))))
                .andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(file.getResponse().getContentAsString()).startsWith("BEGIN:VCALENDAR").contains(s.icalUid());
        assertThat(mvc.perform(get("/meetings/series/" + s.id() + "/calendar.ics")
                .with(user(Fixtures.signedIn(fixtures.aPerson(AppRole.MEMBER))))).andReturn().getResponse().getStatus())
                .as("someone not in the series").isEqualTo(404);

        assertThat(feeds.renew(rep.id())).startsWith("http://localhost:" + port + "/calendar/");
    }

    @Test
    void everyMeetingPageShowsForAnAttendee() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Series s = planning.create(Plans.weekly("Pages sync", 2, sponsor, rep, marketer), Fixtures.signedIn(rep)).series();
        MeetingId first = meetings.ofSeries(s.id()).get(0).id();

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
    void theSeriesFormShowsANeverEndingRuleAsAnErrorAndSavesNothing() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        long before = series.involving(rep.id()).size();

        MvcResult result = mvc.perform(post("/meetings/series").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("title", "Forever").param("start", Plans.nextThursday().toString()).param("zone", "Europe/Berlin")
                .param("durationMinutes", "30").param("pattern", "NONE").param("rrule", "FREQ=WEEKLY;BYDAY=TH")
                .param("sponsorId", sponsor.id().toString()).param("attendeeIds", rep.id().toString())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("id=\"form-error\"", "rrule: never ends");
        assertThat(series.involving(rep.id())).hasSize((int) before);
    }

    @Test
    void theSeriesPageChangesThisAndTheFollowingMeetingsAndTheRunnerFollowsUpAnItem() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Series s = planning.create(Plans.weekly("Page split", 4, sponsor, rep, marketer), Fixtures.signedIn(rep)).series();
        List<Meeting> all = meetings.ofSeries(s.id());
        assertThat(mvc.perform(get("/meetings/series/" + s.id()).with(user(Fixtures.signedIn(rep)))).andReturn().getResponse()
                .getContentAsString()).contains("<span>Weekly on Thursday, 4 times</span>");

        MvcResult split = mvc.perform(post("/meetings/series/" + s.id()).with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("title", "Page split, later").param("start", all.get(2).startsAt().atZone(Plans.BERLIN)
                        .toLocalDateTime().withHour(15).toString()).param("zone", "Europe/Berlin")
                .param("durationMinutes", "45").param("pattern", "NONE").param("rrule", s.rrule())
                .param("sponsorId", sponsor.id().toString()).param("attendeeIds", rep.id().toString(),
                        marketer.id().toString()).param("from", all.get(2).id().toString())).andReturn();

        assertThat(split.getResponse().getRedirectedUrl()).startsWith("/meetings/series/").doesNotEndWith(s.id().toString());
        assertThat(meetings.ofSeries(s.id())).hasSize(2);
        assertThat(meetings.get(all.get(3).id()).startsAt().atZone(Plans.BERLIN).getHour()).isEqualTo(15);

        MeetingId first = all.get(0).id();
        mvc.perform(post("/meetings/" + first + "/start").with(user(Fixtures.signedIn(rep))).with(csrf()));
        mvc.perform(post("/meetings/" + first + "/run/items").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("text", "Call the leads").param("dueOn", java.time.LocalDate.now(Plans.BERLIN).plusDays(3).toString()));
        mvc.perform(post("/meetings/" + first + "/run/close").with(user(Fixtures.signedIn(rep))).with(csrf()));
        MeetingId second = all.get(1).id();
        mvc.perform(post("/meetings/" + second + "/start").with(user(Fixtures.signedIn(marketer))).with(csrf()));
        var item = boards.of(second, null).followUp().get(0);
        mvc.perform(post("/meetings/" + second + "/run/follow-up/" + item.id()).with(user(Fixtures.signedIn(marketer)))
                .with(csrf()).param("outcome", "DROPPED").param("reason", "Lead went quiet"));

        assertThat(boards.of(second, null).followUp()).singleElement().satisfies(i -> {
            assertThat(i.status().name()).isEqualTo("DROPPED");
            assertThat(i.reason()).isEqualTo("Lead went quiet");
        });
        MvcResult refused = mvc.perform(post("/meetings/" + second + "/run/commitments")
                .with(user(Fixtures.signedIn(marketer))).with(csrf()).param("action", "I will")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("plan: is empty");
    }

    @Test
    void aMeetingIsHiddenFromAMemberWhoIsNotInIt() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person stranger = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Series s = planning.create(Plans.weekly("Private", 1, sponsor, rep), Fixtures.signedIn(rep)).series();
        MeetingId first = meetings.ofSeries(s.id()).get(0).id();

        assertThat(mvc.perform(get("/meetings/" + first).with(user(Fixtures.signedIn(stranger)))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aPageRefusesSomeoneTheMeetingDoesNotLetInWith403AndSaysWhy() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person otherManager = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Series s = planning.create(Plans.weekly("Not yours", 1, sponsor, rep), Fixtures.signedIn(rep)).series();
        MeetingId first = meetings.ofSeries(s.id()).get(0).id();

        MvcResult agenda = mvc.perform(post("/meetings/" + first + "/agenda").with(user(Fixtures.signedIn(otherManager)))
                .with(csrf()).param("text", "My point")).andReturn();
        MvcResult cancel = mvc.perform(post("/meetings/series/" + s.id() + "/cancel")
                .with(user(Fixtures.signedIn(otherManager))).with(csrf())).andReturn();

        assertThat(agenda.getResponse().getStatus()).isEqualTo(403);
        assertThat(agenda.getResponse().getContentAsString()).contains("Only people invited to this meeting add talking points.");
        assertThat(cancel.getResponse().getStatus()).isEqualTo(403);
        assertThat(series.byId(s.id()).orElseThrow().cancelled()).isFalse();
    }
}

package org.smartketing.meetings;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A message may be about a meeting: the meetings part names and checks it for comms (RegardingTargets). */
@IntegrationTest
class MeetingMessagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingPlanning planning;

    @Autowired
    MeetingStore meetings;

    @Test
    void aMessageAboutAMeetingLinksToItByItsSeriesAndDate() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Series s = planning.create(Plans.weekly("Pipeline sync", 2, sponsor, rep, marketer), Fixtures.signedIn(rep))
                .series();
        Meeting meeting = meetings.ofSeries(s.id()).get(0);
        String title = "Pipeline sync, "
                + DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).format(meeting.startsAt().atZone(s.zone()));

        String page = mvc.perform(get("/meetings/" + meeting.id()).with(user(Fixtures.signedIn(rep)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("/messages/new?regarding=meeting:" + meeting.id());
        assertThat(mvc.perform(get("/messages/new").param("regarding", "meeting:" + meeting.id())
                .with(user(Fixtures.signedIn(rep)))).andReturn().getResponse().getContentAsString()).contains(title);

        String token = fixtures.tokenFor(rep, TokenScope.READ_WRITE);
        MvcResult sent = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"to": {"person": "%s"}, "urgency": "FYI", "subject": "Agenda", "body": "Please add a point.",
                         "regarding": {"kind": "meeting", "id": "%s"}}""".formatted(marketer.id(), meeting.id())))
                .andReturn();
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(sent.getResponse().getContentAsString()).contains("\"kind\":\"meeting\"")
                .contains("\"title\":\"" + title + "\"").contains("\"path\":\"/meetings/" + meeting.id() + "\"");

        MvcResult unknown = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"to": {"person": "%s"}, "urgency": "FYI", "subject": "Agenda", "body": "Please add a point.",
                         "regarding": {"kind": "meeting", "id": "%s"}}""".formatted(marketer.id(), UUID.randomUUID())))
                .andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentAsString()).contains("\"field\":\"regarding.id\"");
    }

    @Test
    void aMessageCannotBeAboutAMeetingItsSenderMayNotSee() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person outsider = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Series s = planning.create(Plans.weekly("Salary review", 1, sponsor, rep), Fixtures.signedIn(sponsor)).series();
        Meeting meeting = meetings.ofSeries(s.id()).get(0);
        String about = """
                {"to": {"person": "%s"}, "urgency": "FYI", "subject": "Heard of this?", "body": "Look",
                 "regarding": {"kind": "meeting", "id": "%s"}}""".formatted(rep.id(), meeting.id());

        MvcResult leak = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer "
                + fixtures.tokenFor(outsider, TokenScope.READ_WRITE)).contentType(MediaType.APPLICATION_JSON).content(about))
                .andReturn();
        assertThat(leak.getResponse().getStatus()).as("as if there were no such meeting").isEqualTo(404);
        assertThat(leak.getResponse().getContentAsString()).contains("\"field\":\"regarding.id\"")
                .doesNotContain("Salary review");
        assertThat(mvc.perform(get("/messages/new").param("regarding", "meeting:" + meeting.id())
                .with(user(Fixtures.signedIn(outsider)))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Salary review");

        MvcResult invited = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer "
                + fixtures.tokenFor(sponsor, TokenScope.READ_WRITE)).contentType(MediaType.APPLICATION_JSON).content(about))
                .andReturn();
        assertThat(invited.getResponse().getStatus()).isEqualTo(201);
    }
}

package org.smartketing.meetings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Purpose;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The runner over the API: the protocol, carry-over to the next meeting, and bad input as clear 4xx. */
@IntegrationTest
class MeetingRunnerApiTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingPlanning planning;

    @Autowired
    MeetingStore meetings;

    Person sponsor;
    Person rep;
    Person marketer;
    Person outsider;
    Series series;
    List<Meeting> occurrences;

    @BeforeEach
    void aWeeklySync() {
        sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        outsider = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        series = planning.create(Plans.weekly("Sync", 3, sponsor, rep, marketer), Fixtures.signedIn(rep)).series();
        occurrences = meetings.ofSeries(series.id());
    }

    @Test
    void anItemLeftOpenComesFirstInTheNextMeetingAndDoneAndDroppedOnesDoNot() throws Exception {
        MeetingId first = occurrences.get(0).id();
        call(rep, post("/api/v1/meetings/" + first + "/start"), 200);
        String open = item(rep, first, "Call the five webinar leads", inDays(3));
        String done = item(rep, first, "Send the pricing sheet", inDays(2));
        String dropped = item(marketer, first, "Rewrite the nurture mail", inDays(4));
        call(rep, post("/api/v1/meetings/" + first + "/commitments").content("{\"action\":\"Block Friday morning\"}"), 201);
        call(marketer, post("/api/v1/meetings/" + first + "/commitments").content("{\"action\":\"Draft today\"}"), 201);
        call(rep, post("/api/v1/meetings/" + first + "/step").content("{\"step\":\"CLOSE\"}"), 200);
        call(marketer, post("/api/v1/meetings/" + first + "/ratings").content("{\"rating\":8}"), 200);
        call(rep, post("/api/v1/meetings/" + first + "/close"), 200);
        call(rep, patch("/api/v1/action-items/" + done).content("{\"outcome\":\"DONE\"}"), 200);
        call(marketer, patch("/api/v1/action-items/" + dropped)
                .content("{\"outcome\":\"DROPPED\",\"reason\":\"The campaign was stopped\"}"), 200);

        MeetingId second = occurrences.get(1).id();
        String board = call(marketer, post("/api/v1/meetings/" + second + "/start"), 200);

        assertThat(JsonPath.<String>read(board, "$.step")).isEqualTo("FOLLOW_UP");
        assertThat(JsonPath.<List<String>>read(board, "$.followUp[*].id")).containsExactly(open);
        assertThat(JsonPath.<String>read(board, "$.followUp[0].text")).isEqualTo("Call the five webinar leads");
        String mine = call(rep, get("/api/v1/action-items?open=true"), 200);
        assertThat(JsonPath.<List<String>>read(mine, "$[*].id")).containsExactly(open);

        // Not done in the second meeting: a new date, and it stays open for the third.
        call(marketer, patch("/api/v1/action-items/" + open).content("{\"outcome\":\"NOT_DONE\",\"newDueOn\":\""
                + inDays(10) + "\",\"meetingId\":\"" + second + "\"}"), 200);
        String third = call(marketer, post("/api/v1/meetings/" + occurrences.get(2).id() + "/start"), 200);
        assertThat(JsonPath.<List<String>>read(third, "$.followUp[*].id")).containsExactly(open);
        assertThat(JsonPath.<List<String>>read(third, "$.followUp[*].dueOn")).containsExactly(inDays(10).toString());
    }

    @Test
    void theSponsorSeesWhoHasNotCommittedAndTheClosedMeetingMailsTheMinutes() throws Exception {
        MeetingId first = occurrences.get(0).id();
        call(rep, post("/api/v1/meetings/" + first + "/start"), 200);
        call(marketer, post("/api/v1/meetings/" + first + "/ideas").content("{\"text\":\"Joint webinar follow-up\"}"), 201);
        item(rep, first, "Call the webinar leads", inDays(3));
        call(rep, post("/api/v1/meetings/" + first + "/commitments").content("{\"action\":\"Calls on Monday\"}"), 201);

        String board = call(sponsor, get("/api/v1/meetings/" + first), 200);
        assertThat(JsonPath.<List<String>>read(board, "$.commitments[*].personId")).containsExactly(rep.id().toString());
        assertThat(JsonPath.<List<String>>read(board, "$.notCommitted")).containsExactly(marketer.id().toString());

        call(rep, post("/api/v1/meetings/" + first + "/step").content("{\"step\":\"CLOSE\"}"), 200);
        call(rep, post("/api/v1/meetings/" + first + "/close"), 200);
        String minutes = fixtures.lastMailTo(marketer.email());
        assertThat(minutes).contains("Minutes of Sync", "Topic: Pipeline for next quarter",
                "Joint webinar follow-up", "Call the webinar leads", "Commitment: Calls on Monday", "Commitment: none");
    }

    @Test
    void aMeetingClosedWithoutPlansIsFlagged() throws Exception {
        MeetingId first = occurrences.get(0).id();
        call(rep, post("/api/v1/meetings/" + first + "/start"), 200);
        call(rep, post("/api/v1/meetings/" + first + "/close"), 200);

        String measures = call(sponsor, get("/api/v1/meeting-measures"), 200);
        assertThat(JsonPath.<List<String>>read(measures, "$.flagged[?(@.meetingId == '" + first + "')].problem"))
                .containsExactly("ended without action plans");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a never-ending RRULE            | series   | {\"rrule\":\"FREQ=WEEKLY;BYDAY=TH\"}                | 400 | rrule",
        "a malformed RRULE               | series   | {\"rrule\":\"FREQ=WEEKLY;BYDAY=XX;COUNT=2\"}        | 400 | rrule",
        "a series without a sponsor      | series   | {\"sponsorId\":null}                               | 400 | sponsorId",
        "a fixed offset for a zone       | series   | {\"zone\":\"+02:00\"}                               | 400 | zone",
        "a UTC offset for a zone         | series   | {\"zone\":\"UTC+01:00\"}                            | 400 | zone",
        "a SystemV zone                  | series   | {\"zone\":\"SystemV/PST8\"}                         | 400 | zone",
        "a due date in the past          | item     | {\"text\":\"Call\",\"dueOn\":\"2020-01-01\"}            | 400 | dueOn",
        "an empty plan item              | item     | {\"text\":\"  \",\"dueOn\":\"TOMORROW\"}                 | 400 | text",
        "a link to an unknown lead       | item     | {\"text\":\"Call\",\"dueOn\":\"TOMORROW\",\"linkKind\":\"lead\",\"linkId\":\"00000000-0000-0000-0000-000000000001\"} | 400 | linkId",
        "a link to a goal that does not exist | item | {\"text\":\"Call\",\"dueOn\":\"TOMORROW\",\"linkKind\":\"goal\",\"linkId\":\"00000000-0000-0000-0000-000000000001\"} | 400 | linkId",
        "a commitment with an empty plan | commit   | {\"action\":\"I will\"}                             | 400 | plan",
        "a commitment by someone not invited | outsider | {\"action\":\"I will\"}                         | 403 | ",
        "a talking point by someone not invited | outsiderAgenda | {\"text\":\"My point\"}                   | 403 | ",
        "a rating of eleven              | rate     | {\"rating\":11}                                     | 409 | ",
        "a meeting started without an end goal | nogoal | {}                                              | 400 | endGoal" })
    void refusesBadInputWithAClearError(String what, String where, String body, int status, String field) throws Exception {
        MeetingId first = occurrences.get(0).id();
        String json = body.replace("TOMORROW", inDays(1).toString());
        MockHttpServletRequestBuilder request = switch (where) {
            case "series" -> post("/api/v1/meeting-series").content(seriesJson(json));
            case "item" -> post("/api/v1/meetings/" + first + "/plans").content(json);
            case "commit", "outsider" -> post("/api/v1/meetings/" + first + "/commitments").content(json);
            case "outsiderAgenda" -> post("/api/v1/meetings/" + first + "/agenda").content(json);
            case "rate" -> post("/api/v1/meetings/" + first + "/ratings").content(json);
            case "nogoal" -> post("/api/v1/meetings/" + first + "/start");
            default -> throw new IllegalArgumentException(where);
        };
        if (where.equals("nogoal")) {
            call(rep, patch("/api/v1/meetings/" + first).content("{\"endGoal\":\"  \"}"), 200);
            meetings.update(withoutGoal(meetings.get(first)));
        }
        else if (!where.equals("series")) {
            call(rep, post("/api/v1/meetings/" + first + "/start"), 200);
        }
        long before = meetings.ofSeries(series.id()).size();

        String problem = call(where.startsWith("outsider") ? outsider : rep, request, status);

        if (field != null && !field.isBlank()) {
            assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).as(what).containsExactly(field);
        }
        else {
            assertThat(JsonPath.<String>read(problem, "$.detail")).as(what).isNotBlank();
        }
        assertThat(meetings.ofSeries(series.id())).hasSize((int) before);
    }

    @Test
    void aDateOnlyUntilEndsTheSeriesOnThatDayAndIsKeptInUtc() throws Exception {
        LocalDate last = Plans.nextThursday().toLocalDate().plusWeeks(2);
        String rule = "FREQ=WEEKLY;UNTIL=" + last.toString().replace("-", "");

        String created = call(rep, post("/api/v1/meeting-series").content(seriesJson("{\"rrule\":\"" + rule + "\"}")),
                201);

        assertThat(JsonPath.<String>read(created, "$.rrule")).contains("UNTIL=" + last.toString().replace("-", "")
                + "T225959Z");
        assertThat(meetings.ofSeries(new org.smartketing.meetings.SeriesId(java.util.UUID.fromString(
                JsonPath.read(created, "$.id"))))).hasSize(3);
    }

    private static Meeting withoutGoal(Meeting m) {
        return m.refocus(new Purpose(m.topic(), null));
    }

    private String seriesJson(String override) {
        String base = """
                {"title":"Bad","start":"%s","zone":"Europe/Berlin","durationMinutes":30,
                 "rrule":"FREQ=WEEKLY;COUNT=2","sponsorId":"%s","attendeeIds":["%s","%s"]}"""
                .formatted(Plans.nextThursday(), sponsor.id(), rep.id(), marketer.id());
        return base.substring(0, base.lastIndexOf('}')) + "," + override.substring(1);
    }

    private String item(Person author, MeetingId meeting, String text, LocalDate due) throws Exception {
        String created = call(author, post("/api/v1/meetings/" + meeting + "/plans")
                .content("{\"text\":\"" + text + "\",\"dueOn\":\"" + due + "\"}"), 201);
        return JsonPath.read(created, "$.id");
    }

    private static LocalDate inDays(int days) {
        return LocalDate.now(BERLIN).plusDays(days);
    }

    private String call(Person caller, MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.tokenFor(caller, TokenScope.READ_WRITE)))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }
}

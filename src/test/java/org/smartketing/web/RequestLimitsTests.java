package org.smartketing.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A JSON body over 1 MB is a 413, whether it says its length or streams without one, and a list
 * longer than makes sense (a series' attendees and teams) is a 400 naming the field: a 12 MB series
 * with 300,000 attendee ids was accepted.
 */
@IntegrationTest
class RequestLimitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    Person sponsor;
    String token;

    @BeforeEach
    void aManagerWithAToken() {
        sponsor = fixtures.aPerson(AppRole.MANAGER);
        token = fixtures.tokenFor(sponsor, TokenScope.READ_WRITE);
    }

    @Test
    void aSeriesWithThreeHundredThousandAttendeesIsTooLargeToRead() throws Exception {
        String body = series(300_000, 0);
        assertThat(body.length()).isGreaterThan(10_000_000);

        MvcResult declared = mvc.perform(post("/api/v1/meeting-series").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(declared.getResponse().getStatus()).isEqualTo(413);

        // Just over the limit: Tomcat reads what is left of it after the answer, so the client hears the 413
        // (of a much larger body it would close the connection first, which is what a client then sees).
        byte[] overTheLimit = series(35_000, 0).getBytes(StandardCharsets.UTF_8);
        assertThat(overTheLimit.length).isBetween(1_100_000, 1_900_000);
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/meeting-series"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(overTheLimit))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as("without a Content-Length: " + streamed.body()).isEqualTo(413);
    }

    @Test
    void moreAttendeesOrTeamsThanAMeetingCanHoldAreRefusedNamingTheField() throws Exception {
        MvcResult attendees = mvc.perform(post("/api/v1/meeting-series").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(series(201, 0))).andReturn();
        assertThat(attendees.getResponse().getStatus()).isEqualTo(400);
        assertThat(attendees.getResponse().getContentAsString()).contains("\"field\":\"attendeeIds\"");

        MvcResult teams = mvc.perform(post("/api/v1/meeting-series").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(series(1, 51))).andReturn();
        assertThat(teams.getResponse().getStatus()).isEqualTo(400);
        assertThat(teams.getResponse().getContentAsString()).contains("\"field\":\"teamIds\"");
    }

    @Test
    void aJsonBodyUnderTheLimitIsReadAsBefore() throws Exception {
        String body = "{\"name\": \"" + "x".repeat(900_000) + "\", \"scope\": \"read\"}";
        MvcResult result = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as("read, and refused for what it says").isEqualTo(400);
    }

    private String series(int attendees, int teams) {
        String ids = IntStream.range(0, attendees).mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(","));
        String teamIds = IntStream.range(0, teams).mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(","));
        return """
                {"title":"Big","start":"%s","zone":"Europe/Berlin","durationMinutes":30,"rrule":"FREQ=WEEKLY;COUNT=2",
                 "sponsorId":"%s","attendeeIds":[%s],"teamIds":[%s]}"""
                .formatted(java.time.LocalDate.now().plusDays(7).atTime(9, 0), sponsor.id(), ids, teamIds);
    }
}

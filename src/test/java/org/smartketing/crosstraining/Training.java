package org.smartketing.crosstraining;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.support.Fixtures;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers for cross-training tests (made by each test from its beans): real work to shadow, API calls as a person. */
public class Training {

    private final ActivityLog activities;
    private final Fixtures fixtures;
    private final MockMvc mvc;

    public Training(ActivityLog activities, Fixtures fixtures, MockMvc mvc) {
        this.activities = activities;
        this.fixtures = fixtures;
        this.mvc = mvc;
    }

    /** A demo the rep logged (planned for tomorrow morning), as the activity log keeps it. */
    public String aDemoBy(Person rep) {
        return aDemoBy(rep, Instant.now().plus(Duration.ofHours(20)));
    }

    public String aDemoBy(Person rep, Instant at) {
        return activities.log(new NewActivity(ActivityType.DEMO, rep.id(), at, "Discovery demo with Acme", null, null,
                ActivitySource.MANUAL)).id().toString();
    }

    public static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    public MvcResult perform(Person caller, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.tokenFor(caller, TokenScope.READ_WRITE)))
                .andReturn();
    }

    public String call(Person caller, MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = perform(caller, request);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }
}

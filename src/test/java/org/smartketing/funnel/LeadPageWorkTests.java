package org.smartketing.funnel;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityCounts;
import org.smartketing.funnel.leads.Lead;
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

/** Working on a lead from its page: an activity logged there (a message about it: MessageRegardingTests). */
@IntegrationTest
class LeadPageWorkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityCounts activities;

    Person rep;

    @BeforeEach
    void aRep() {
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
    }

    @Test
    void aCallLoggedOnTheLeadsPageShowsOnItsTimelineAtOnce() throws Exception {
        Lead lead = fixtures.aLeadNamed("Tim", "Timeline", "Timeline AG");
        String before = page(lead);
        assertThat(before).contains("id=\"log-activity-form\"", "action=\"/leads/" + lead.id() + "/activities\"")
                .contains("<option value=\"CALL\">Call</option>", "<option value=\"DEMO\">Demo</option>")
                .doesNotContain("value=\"WEBINAR\"");

        String when = LocalDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        MvcResult logged = mvc.perform(post("/leads/" + lead.id() + "/activities").with(user(Fixtures.signedIn(rep)))
                .with(csrf()).param("type", "CALL").param("occurredAt", when).param("outcome", "Wants a demo in May"))
                .andReturn();
        assertThat(logged.getResponse().getRedirectedUrl()).isEqualTo("/leads/" + lead.id() + "#activities");
        assertThat(logged.getFlashMap().get("flash")).asString().startsWith("Logged: Call,");

        assertThat(activities.forLead(lead.id().value())).singleElement()
                .satisfies(a -> assertThat(a.personId()).isEqualTo(rep.id()));
        String after = page(lead);
        assertThat(after.substring(after.indexOf("id=\"lead-activities\""))).contains("Call", "Wants a demo in May",
                rep.displayName());
    }

    @Test
    void aBadActivityIsShownAgainWithItsErrorsAndLogsNothing() throws Exception {
        Lead lead = fixtures.aLeadNamed("Eva", "Error", "Error GmbH");
        MvcResult noType = mvc.perform(post("/leads/" + lead.id() + "/activities").with(user(Fixtures.signedIn(rep)))
                .with(csrf()).param("type", "").param("occurredAt", "2026-01-05T10:00").param("outcome", "Kept text"))
                .andReturn();
        assertThat(noType.getResponse().getStatus()).isEqualTo(400);
        assertThat(noType.getResponse().getContentAsString()).contains("type-error", "choose what you did",
                "Kept text", "value=\"2026-01-05T10:00\"", "<details class=\"log-activity\" open");

        MvcResult future = logOn(lead, "MEETING", LocalDateTime.now(ZoneOffset.UTC).plusDays(3));
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(future.getResponse().getContentAsString()).contains("occurredAt-error");

        MvcResult stageChange = logOn(lead, "STAGE_CHANGE", LocalDateTime.now(ZoneOffset.UTC));
        assertThat(stageChange.getResponse().getContentAsString()).contains("type-error");
        MvcResult webinar = logOn(lead, "WEBINAR", LocalDateTime.now(ZoneOffset.UTC));
        assertThat(webinar.getResponse().getContentAsString()).contains("type-error");
        assertThat(activities.forLead(lead.id().value())).isEmpty();
    }

    private MvcResult logOn(Lead lead, String type, LocalDateTime when) throws Exception {
        return mvc.perform(post("/leads/" + lead.id() + "/activities").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("type", type).param("occurredAt", when.truncatedTo(ChronoUnit.MINUTES).toString())).andReturn();
    }

    private String page(Lead lead) throws Exception {
        return mvc.perform(get("/leads/" + lead.id()).with(user(Fixtures.signedIn(rep)))).andReturn().getResponse()
                .getContentAsString();
    }
}

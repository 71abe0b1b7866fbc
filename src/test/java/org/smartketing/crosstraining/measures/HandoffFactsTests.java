package org.smartketing.crosstraining.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.crosstraining.Training;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The funnel's events, after they commit, become cross-training's own handoff facts: what the effect is measured on. */
@IntegrationTest
class HandoffFactsTests {

    @Autowired
    HandoffFacts facts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityLog activities;

    @Autowired
    MockMvc mvc;

    @Test
    void aMarketersHandoverAndSalesRejectionWithItsReasonAreKept() throws Exception {
        Training training = new Training(activities, fixtures, mvc);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Instant from = Instant.now().minus(Duration.ofMinutes(1));
        String lead = fixtures.aLead("DE").id().toString();
        training.call(marketer, post("/api/v1/leads/" + lead + "/transitions").content("{\"to\":\"MQL\"}"), 200);
        training.call(rep, post("/api/v1/leads/" + lead + "/transitions").content("{\"to\":\"REJECTED\",\"reason\":\"No budget\"}"),
                200);

        await("the facts are kept").until(() -> about(lead, from).size() >= 3);
        List<HandoffFact> kept = about(lead, from);
        assertThat(kept).filteredOn(f -> f.kind() == HandoffFact.Kind.HANDED_OVER).singleElement()
                .satisfies(f -> assertThat(f.person()).isEqualTo(marketer.id()));
        assertThat(kept).filteredOn(f -> f.kind() == HandoffFact.Kind.REJECTED).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("No budget"));
        assertThat(kept).filteredOn(f -> f.kind() == HandoffFact.Kind.ANSWERED).singleElement()
                .satisfies(f -> assertThat(f.person()).isEqualTo(rep.id()));
    }

    private List<HandoffFact> about(String lead, Instant from) {
        return facts.between(from, Instant.now().plus(Duration.ofMinutes(1))).stream()
                .filter(f -> f.leadId().toString().equals(lead)).toList();
    }
}

package org.smartketing.insights.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.smartketing.insights.assessment.SelfAssessments.Side;
import org.smartketing.insights.rollups.InsightRollupRebuild;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The demo company's self-assessment round: enough answers on both sides, and a real perception gap. */
@IntegrationTest
class AssessmentDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SelfAssessments assessments;

    @Autowired
    InsightRollupRebuild rebuild;

    @Test
    void theDemoRoundShowsBothSidesAndMarketingRatingLeadQualityFarAboveSalesBesideTheRejectionRate()
            throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));

        var round = assessments.current().orElseThrow();
        var results = assessments.results(round.id(), ZoneId.of("Europe/Berlin"));
        assertThat(results.answers()).containsEntry(Side.MARKETING, 5).containsEntry(Side.SALES, 5)
                .containsEntry(Side.OTHER, 0);
        var leads = results.dimensions().stream().filter(d -> d.dimension() == Dimension.LEAD_GENERATION).findFirst()
                .orElseThrow();
        assertThat(leads.sides().get(Side.MARKETING).mean()).isGreaterThan(3.5);
        assertThat(leads.sides().get(Side.SALES).mean()).isLessThan(2.5);
        assertThat(leads.gap()).as("the perception gap").isGreaterThanOrEqualTo(1.5);
        assertThat(results.dimensions()).allSatisfy(d -> assertThat(d.sides().get(Side.MARKETING).enough()).isTrue());
        // the funnel demo's history (written as it was, without events) reaches insights' rollups by the
        // rebuild job that filling the demo asks for
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(rebuild::finished);
        var measured = assessments.results(round.id(), ZoneId.of("Europe/Berlin")).dimensions().get(2);
        assertThat(measured.measured()).isNotNull();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/self-assessment/rounds/" + round.id()).with(org.springframework.security.test.web.servlet
                        .request.SecurityMockMvcRequestPostProcessors.user(Fixtures.signedIn(
                                fixtures.byEmail("maya.chen@northwind.example.com")))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(measured.sentence().replace("'", "&#39;")).contains(">Marketing 5<", ">Sales 5<");
        org.slf4j.LoggerFactory.getLogger(getClass()).info("Demo round: {}", assessments.results(round.id(),
                ZoneId.of("Europe/Berlin")).dimensions().stream().map(d -> d.sentence()).toList());
        assertThat(measured.sentence()).matches("Marketing rates lead quality \\d\\.\\d, sales \\d\\.\\d; measured "
                + "rejection rate \\d+ %\\.");
    }
}

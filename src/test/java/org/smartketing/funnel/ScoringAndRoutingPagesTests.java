package org.smartketing.funnel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The admin's scoring and routing pages: field errors next to the field, a saved change redirects. */
@IntegrationTest
class ScoringAndRoutingPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadScoring scoring;

    @Autowired
    LeadRouter router;

    ScoringRules scoringBefore;
    RoutingSetup routingBefore;
    SignedInPerson admin;

    @BeforeEach
    void anAdmin() {
        scoringBefore = scoring.rules();
        routingBefore = router.setup();
        admin = Fixtures.signedIn(fixtures.aPerson(AppRole.ADMIN));
    }

    @AfterEach
    void restore() {
        scoring.replaceRules(scoringBefore.basedOn(scoring.rules().version()));
        router.replace(routingBefore.basedOn(router.setup().version()));
    }

    @Test
    void showsAFitRuleThatCannotWorkAndSavesOneThatCan() throws Exception {
        MvcResult wrong = mvc.perform(post("/admin/scoring/fit-rules").with(user(admin)).with(csrf())
                .param("version", scoringVersion())
                .param("field", "COMPANY").param("operator", "EQUALS").param("value", "Acme").param("points", "5"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("field-error", "must be one of [PRESENT] for COMPANY");
        assertThat(scoring.rules()).isEqualTo(scoringBefore);

        MvcResult saved = mvc.perform(post("/admin/scoring/fit-rules").with(user(admin)).with(csrf())
                .param("version", scoringVersion())
                .param("field", "TITLE").param("operator", "CONTAINS").param("value", "VP").param("points", "12"))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/scoring");
        assertThat(saved.getFlashMap().get("flash")).asString().contains("Title contains 'VP'");
        String page = mvc.perform(get("/admin/scoring").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Title contains &#39;VP&#39;");
    }

    @Test
    void refusesAHalfLifeOfZeroDaysNextToTheField() throws Exception {
        MvcResult result = mvc.perform(post("/admin/scoring/engagement-rules").with(user(admin)).with(csrf())
                .param("version", scoringVersion())
                .param("activityType", "PODCAST").param("points", "5").param("halfLifeDays", "0")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("halfLifeDays-error");
        assertThat(scoring.rules().engagementRule("PODCAST")).isEmpty();
    }

    @Test
    void addsARoutingRuleWithItsPoolAndRefusesOneWithout() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        MvcResult empty = mvc.perform(post("/admin/routing/rules").with(user(admin)).with(csrf())
                .param("version", routingVersion())
                .param("name", "Nordics").param("country", "SE")).andReturn();
        assertThat(empty.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(empty.getResponse().getContentAsString()).contains("pool-error", "needs at least one person");

        MvcResult saved = mvc.perform(post("/admin/routing/rules").with(user(admin)).with(csrf())
                .param("version", routingVersion())
                .param("name", "Nordics").param("country", "se").param("pool", rep.id().toString())
                .param("openLeadCap", "3")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/routing");
        assertThat(router.setup().rules()).last().satisfies(r -> {
            assertThat(r.country()).isEqualTo("SE");
            assertThat(r.pool()).containsExactly(rep.id().value());
            assertThat(r.openLeadCap()).isEqualTo(3);
        });
        String page = mvc.perform(get("/admin/routing").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nordics", rep.displayName());
    }

    @Test
    void refusesAnOutOfOfficePeriodThatEndsBeforeItStarts() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        MvcResult result = mvc.perform(post("/admin/routing/out-of-office").with(user(admin)).with(csrf())
                .param("version", routingVersion())
                .param("personId", rep.id().toString()).param("from", "2030-05-10T09:00")
                .param("to", "2030-05-01T09:00")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("to-error", "must be after from");
        assertThat(router.setup().outOfOffice()).isEqualTo(routingBefore.outOfOffice());

        MvcResult saved = mvc.perform(post("/admin/routing/out-of-office").with(user(admin)).with(csrf())
                .param("version", routingVersion())
                .param("personId", rep.id().toString()).param("from", "2030-05-01T09:00")
                .param("to", "2030-05-10T18:00").param("note", "Holiday")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/routing");
        assertThat(router.setup().outOfOffice()).anySatisfy(o -> assertThat(o.personId()).isEqualTo(rep.id().value()));
    }

    private String scoringVersion() {
        return String.valueOf(scoring.rules().version());
    }

    private String routingVersion() {
        return String.valueOf(router.setup().version());
    }
}

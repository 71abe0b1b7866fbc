package org.smartketing.funnel.sla;

import org.junit.jupiter.api.Test;
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
class SlaPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void showsTheAgreementToAMemberWithoutTheFormOrTheSignButton() throws Exception {
        Person member = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        String page = mvc.perform(get("/sla").with(user(Fixtures.signedIn(member)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Handoff agreement", "working hours of its owner").doesNotContain("save-terms",
                "id=\"sign\"");
    }

    @Test
    void keepsBadTermsOnTheFormWithTheMessageByTheField() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);
        MvcResult result = mvc.perform(post("/sla").with(user(Fixtures.signedIn(manager))).with(csrf())
                .param("acceptHours", "-3").param("firstContactHours", "9999").param("mqlsPerMonth", "10")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("acceptHours-error", "firstContactHours-error");
        MvcResult notANumber = mvc.perform(post("/sla").with(user(Fixtures.signedIn(manager))).with(csrf())
                .param("acceptHours", "8").param("firstContactHours", "8").param("mqlsPerMonth", "x")).andReturn();
        assertThat(notANumber.getResponse().getStatus()).isEqualTo(400);
        assertThat(notANumber.getResponse().getContentAsString()).contains("mqlsPerMonth-error");
    }

    @Test
    void refusesAnOperationsManagersSignatureOnThePage() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER, Department.OPERATIONS);
        MvcResult result = mvc.perform(post("/sla/signatures").with(user(Fixtures.signedIn(manager))).with(csrf())
                .param("version", "1")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void showsTheReportPageAndItsCsv() throws Exception {
        Person member = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        String page = mvc.perform(get("/sla/report").param("month", "2024-02").with(user(Fixtures.signedIn(member))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("SLA report, 2024-02", "format=csv", "MQLs delivered");
        String bad = mvc.perform(get("/sla/report").param("month", "soon").with(user(Fixtures.signedIn(member))))
                .andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("must be a month like 2026-11");
        MvcResult csv = mvc.perform(get("/sla/report").param("month", "2024-02").param("format", "csv")
                .with(user(Fixtures.signedIn(member)))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString()).startsWith("\uFEFFmonth,owner,email,clock");
    }
}

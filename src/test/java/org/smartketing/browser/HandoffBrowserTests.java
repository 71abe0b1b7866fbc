package org.smartketing.browser;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The handoff in two real browsers: a marketer adds a lead that scores into MQL, routing gives it
 * to the rep, the rep accepts it on the board; a second lead the rep rejects with a reason, which
 * the marketer then reads on the lead.
 */
@IntegrationTest
class HandoffBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    WebDriver marketerBrowser;
    WebDriver repBrowser;
    Person marketer;
    Person rep;
    String adminToken;
    String savedScoring;
    String savedRouting;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void aMarketerARepAndRulesThatSendHotLeadsToTheRep() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        adminToken = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        savedScoring = api(get("/api/v1/scoring"));
        savedRouting = api(get("/api/v1/routing/rules"));
        api(put("/api/v1/scoring").contentType(MediaType.APPLICATION_JSON).content(overCurrent("/api/v1/scoring", """
                {"version": 0, "mqlThreshold": 50,
                 "fitRules": [{"field": "TAG", "operator": "EQUALS", "value": "hot", "points": 60}],
                 "engagementRules": [{"activityType": "TOUCH", "points": 5, "halfLifeDays": 30}]}""")));
        api(put("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON).content(overCurrent("/api/v1/routing/rules",
                """
                {"version": 0, "defaultOpenLeadCap": null, "rules": [{"name": "Everyone to the test rep", "pool": ["%s"]}],
                 "outOfOffice": []}""".formatted(rep.id()))));
    }

    @AfterEach
    void restore() throws Exception {
        if (marketerBrowser != null) {
            marketerBrowser.quit();
        }
        if (repBrowser != null) {
            repBrowser.quit();
        }
        api(put("/api/v1/scoring").contentType(MediaType.APPLICATION_JSON).content(overCurrent("/api/v1/scoring",
                savedScoring)));
        api(put("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON).content(overCurrent("/api/v1/routing/rules",
                savedRouting)));
    }

    @Test
    void aHotLeadIsRoutedToTheRepWhoAcceptsItAndARejectionReasonReachesTheMarketer() {
        marketerBrowser = Browsers.open();
        signIn(marketerBrowser, marketer);
        String first = addHotLead("Hedda", "Hot");
        assertThat(text(marketerBrowser, "main")).contains("Marketing-qualified", rep.displayName(),
                "Tag is 'hot'", "Accept or reject").as("scored, qualified, routed and on the clock");
        Browsers.screenshot(marketerBrowser, "10-lead-routed");

        repBrowser = Browsers.open();
        signIn(repBrowser, rep);
        repBrowser.get(url("/pipeline?mine=true"));
        moveCard("Hedda Hot", "Sales-accepted");
        assertThat(text(repBrowser, ".flash")).contains("Hedda Hot is now Sales-accepted");
        Browsers.screenshot(repBrowser, "11-board-accepted");

        String second = addHotLead("Rolf", "Rejected");
        repBrowser.get(url("/pipeline?mine=true"));
        moveCard("Rolf Rejected", "Rejected by sales");
        new Select(repBrowser.findElement(By.id("reason"))).selectByVisibleText("No budget");
        Browsers.screenshot(repBrowser, "12-reject-reason");
        repBrowser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(text(repBrowser, ".flash")).contains("Rolf Rejected is now Rejected by sales");

        marketerBrowser.get(url(second));
        assertThat(text(marketerBrowser, "main")).contains("Rejected by sales", "No budget", rep.displayName());
        Browsers.screenshot(marketerBrowser, "13-marketer-sees-reason");
        marketerBrowser.get(url(first));
        assertThat(text(marketerBrowser, "main")).contains("Sales-accepted");
    }

    private String addHotLead(String first, String last) {
        marketerBrowser.get(url("/leads/new"));
        marketerBrowser.findElement(By.id("firstName")).sendKeys(first);
        marketerBrowser.findElement(By.id("lastName")).sendKeys(last);
        marketerBrowser.findElement(By.id("email")).sendKeys(first.toLowerCase() + "." + System.nanoTime() + "@example.com");
        marketerBrowser.findElement(By.id("company")).sendKeys(last + " GmbH");
        marketerBrowser.findElement(By.id("tags")).sendKeys("hot");
        marketerBrowser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(text(marketerBrowser, ".flash")).contains("Lead created");
        return marketerBrowser.getCurrentUrl().replace(url(""), "");
    }

    private void moveCard(String name, String stage) {
        WebElement card = repBrowser.findElements(By.cssSelector(".board .card")).stream()
                .filter(c -> c.getText().contains(name)).findFirst().orElseThrow();
        new Select(card.findElement(By.name("to"))).selectByVisibleText(stage);
        card.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void signIn(WebDriver browser, Person person) {
        Browsers.signIn(browser, url("/login"), person.email(), Fixtures.PASSWORD);
    }

    /** The set-up as a replace of the version stored now, whatever it was based on. */
    private String overCurrent(String url, String setup) throws Exception {
        int current = JsonPath.<Integer>read(api(get(url)), "$.version");
        return setup.replaceFirst("\"version\":\\s*\\d+", "\"version\": " + current);
    }

    private String api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isLessThan(300);
        return result.getResponse().getContentAsString();
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.smartketing.browser;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.activity.ActivityCounts;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline board and a lead's page in a real headless Chromium, on a phone and on a desk: a card
 * moves by its menu without the page reloading, and a call is logged on the lead by clicking.
 */
@IntegrationTest
class BoardBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Leads leads;

    @Autowired
    ActivityCounts activities;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1440})
    void movesACardWithoutReloadingAndLogsACallOnItsLead(int width) {
        fixtures.aPerson(AppRole.ADMIN); // an installation that is set up, whatever ran before
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        String company = "Bo" + UUID.randomUUID().toString().substring(0, 6);
        Lead lead = fixtures.aLeadNamed("Bo", "Board", company);
        jdbc.sql("UPDATE lead SET stage = 'SAL', owner_id = ?, amount = 4200, currency = 'EUR' WHERE id = ?")
                .params(rep.id().value(), lead.id().value()).update();
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(width, 900));
        Browsers.signIn(browser, url("/login"), rep.email(), Fixtures.PASSWORD);

        browser.get(url("/pipeline?mine=true"));
        assertThat(Browsers.text(browser, "#col-SAL")).contains(company, "€4,200");
        assertFits();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.boardMarker = 'still here'; window.scrollTo(0, 120);");
        long scrolled = ((Number) js.executeScript("return window.scrollY")).longValue();

        new Select(browser.findElement(By.id("move-" + lead.id()))).selectByVisibleText("Sales-qualified");
        browser.findElement(By.cssSelector("#move-" + lead.id() + " + button")).click();
        Browsers.waitFor(browser, "#col-SQL", company);
        assertThat(Browsers.text(browser, "#board-status")).isEqualTo("Bo Board is now Sales-qualified.");
        assertThat(Browsers.text(browser, "#col-SAL")).doesNotContain(company);
        assertThat(Browsers.text(browser, "#total-SQL")).contains("€4,200");
        assertThat(js.executeScript("return window.boardMarker")).as("the page was not reloaded").isEqualTo("still here");
        assertThat(((Number) js.executeScript("return window.scrollY")).longValue()).as("the scroll is kept")
                .isEqualTo(scrolled);
        assertThat(leads.byId(lead.id()).orElseThrow().stage()).isEqualTo(Stage.SQL);
        assertFits();
        Browsers.screenshot(browser, "pipeline-" + width);

        browser.findElement(By.cssSelector("#col-SQL")).findElement(By.linkText("Bo Board")).click();
        assertThat(Browsers.text(browser, "h1")).contains("Bo Board");
        browser.findElement(By.id("log-activity")).click();
        new Select(browser.findElement(By.cssSelector("#log-activity-form select[name=type]"))).selectByVisibleText("Call");
        browser.findElement(By.cssSelector("#log-activity-form textarea[name=outcome]")).sendKeys("Asked for a quote");
        browser.findElement(By.cssSelector("#log-activity-form button[type=submit]")).click();

        assertThat(Browsers.text(browser, ".flash")).startsWith("Logged: Call");
        assertThat(Browsers.text(browser, "#lead-activities")).contains("Call", "Asked for a quote", rep.displayName());
        assertThat(activities.forLead(lead.id().value())).filteredOn(a -> a.type() == org.smartketing.activity.ActivityType.CALL)
                .singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo("Asked for a quote"));
        assertFits();
        Browsers.screenshot(browser, "lead-activity-" + width);
    }

    @org.junit.jupiter.api.Test
    void showsAColumnsNextCardsInPlace() {
        fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        for (int i = 0; i < 31; i++) {
            Lead lead = fixtures.aLeadNamed("Many", "Card" + i, "Many Co " + i);
            jdbc.sql("UPDATE lead SET stage = 'SAL', owner_id = ? WHERE id = ?").params(rep.id().value(), lead.id().value())
                    .update();
        }
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.signIn(browser, url("/login"), rep.email(), Fixtures.PASSWORD);
        browser.get(url("/pipeline?mine=true"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.boardMarker = 'still here';");
        assertThat(browser.findElements(By.cssSelector("#cards-SAL .card"))).hasSize(30);

        browser.findElement(By.id("more-SAL")).click();
        Browsers.waitFor(browser, "#cards-SAL", "Many Co 0");
        assertThat(browser.findElements(By.cssSelector("#cards-SAL .card"))).hasSize(31);
        assertThat(browser.findElements(By.id("more-SAL"))).isEmpty();
        assertThat(js.executeScript("return window.boardMarker")).isEqualTo("still here");
        assertFits();
    }

    private void assertFits() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(scroll).as(browser.getCurrentUrl() + " has no sideways scroll").isLessThanOrEqualTo(inner);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

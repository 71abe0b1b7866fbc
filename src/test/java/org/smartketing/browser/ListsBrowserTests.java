package org.smartketing.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead list and the header's search in a real headless Chromium: on a phone, find a lead from
 * the header and bulk-assign three leads by clicking; on a desk, sort by a column and pick a page.
 */
@IntegrationTest
class ListsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Leads leads;

    WebDriver browser;
    String company;
    Person rep;

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

    @Test
    void onAPhoneFindsALeadFromTheHeaderAndAssignsThreePickedLeadsAtOnce() {
        List<Lead> three = aCompanysLeads();
        Person owner = fixtures.aPerson(AppRole.MEMBER);
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.signIn(browser, url("/login"), rep.email(), Fixtures.PASSWORD);

        browser.findElement(By.cssSelector("[data-menu-toggle]")).click();
        WebElement search = browser.findElement(By.cssSelector(".site-search input[type=search]"));
        search.sendKeys(company, Keys.ENTER);
        assertThat(Browsers.text(browser, "#found-leads")).contains("Ada Alpha", "Bea Beta", "Cy Gamma");
        assertFits();
        Browsers.screenshot(browser, "search-390");
        browser.findElement(By.linkText("Bea Beta")).click();
        assertThat(Browsers.text(browser, "h1")).contains("Bea Beta");

        browser.get(url("/leads?q=" + company));
        assertFits();
        browser.findElements(By.cssSelector("input[data-pick]")).forEach(WebElement::click);
        assertThat(Browsers.text(browser, "#picked-count")).isEqualTo("3 leads picked");
        new Select(browser.findElement(By.cssSelector("#bulk select[name=ownerId]"))).selectByVisibleText(owner.displayName());
        Browsers.screenshot(browser, "leads-bulk-390");
        browser.findElement(By.cssSelector("#bulk button[value=assign]")).click();

        assertThat(Browsers.text(browser, ".flash")).isEqualTo("3 leads assigned.");
        assertThat(Browsers.text(browser, "#lead-table")).contains(owner.displayName());
        three.forEach(l -> assertThat(leads.byId(l.id()).orElseThrow().ownerId()).isEqualTo(owner.id().value()));
    }

    @Test
    void onADeskSortsByAColumnAndPicksTheWholePageWithOneBox() {
        aCompanysLeads();
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(1440, 900));
        Browsers.signIn(browser, url("/login"), rep.email(), Fixtures.PASSWORD);
        browser.get(url("/leads?q=" + company));

        browser.findElement(By.id("sort-name")).click();
        List<String> names = browser.findElements(By.cssSelector("#lead-table tbody td:nth-child(2) a")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).containsExactly("Ada Alpha", "Bea Beta", "Cy Gamma");
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).startsWith("Lead");
        assertThat(Browsers.text(browser, "#lead-count")).isEqualTo("Leads 1–3 of 3, name, a to z.");

        browser.findElement(By.cssSelector("input[data-pick-all]")).click();
        assertThat(Browsers.text(browser, "#picked-count")).isEqualTo("3 leads picked");
        browser.findElement(By.cssSelector("input[data-pick]")).click();
        assertThat(Browsers.text(browser, "#picked-count")).isEqualTo("2 leads picked");
        Browsers.screenshot(browser, "leads-1440");
    }

    @Test
    void onAPhoneAMoveThatNeedsAReasonAsksOnceAndNamesTheLeadsThatCannotGo() {
        aCompanysLeads();
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.signIn(browser, url("/login"), rep.email(), Fixtures.PASSWORD);
        browser.get(url("/leads?q=" + company));

        browser.findElements(By.cssSelector("input[data-pick]")).forEach(WebElement::click);
        new Select(browser.findElement(By.cssSelector("#bulk select[name=to]"))).selectByVisibleText("Lost");
        browser.findElement(By.cssSelector("#bulk button[value=move]")).click();
        assertThat(Browsers.text(browser, "h1")).isEqualTo("3 leads: Lost");
        assertFits();
        browser.findElement(By.id("reason")).sendKeys("Went with a competitor");
        Browsers.screenshot(browser, "leads-bulk-move-390");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(Browsers.text(browser, ".flash")).isEqualTo("3 leads moved to Lost.");
        assertFits();
    }

    private List<Lead> aCompanysLeads() {
        fixtures.aPerson(AppRole.ADMIN); // an installation that is set up, whatever ran before
        rep = fixtures.aPerson(AppRole.MEMBER);
        company = "Wy" + UUID.randomUUID().toString().substring(0, 6);
        return List.of(fixtures.aLeadNamed("Cy", "Gamma", company), fixtures.aLeadNamed("Ada", "Alpha", company),
                fixtures.aLeadNamed("Bea", "Beta", company));
    }

    private void assertFits() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(scroll).as(browser.getCurrentUrl() + " fits the phone").isLessThanOrEqualTo(inner);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

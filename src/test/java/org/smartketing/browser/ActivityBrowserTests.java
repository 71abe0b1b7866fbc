package org.smartketing.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The activities page clicked through in a real headless Chromium: log by hand, fix a mistake, filter. */
@IntegrationTest
class ActivityBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

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

    @Test
    void logsAnActivityByHandAndFindsItInTheList() {
        fixtures.aPerson(AppRole.ADMIN); // an installation that is set up, whatever ran before
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        browser = Browsers.open();
        Browsers.signIn(browser, url("/login"), marketer.email(), Fixtures.PASSWORD);

        Browsers.menu(browser, "funnel", "Activities");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Activities");
        assertThat(browser.findElement(By.id("occurredAt")).getAttribute("value")).as("now, filled in").isNotBlank();

        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Webinar");
        browser.findElement(By.id("outcome")).sendKeys("<b>42 sign-ups</b>");
        browser.findElement(By.cssSelector("main article form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("outcome-error")).getText()).contains("must not contain markup");
        assertThat(new Select(browser.findElement(By.id("type"))).getFirstSelectedOption().getText())
                .as("what was entered stays").isEqualTo("Webinar");

        browser.findElement(By.id("outcome")).clear();
        browser.findElement(By.id("outcome")).sendKeys("42 sign-ups, 9 asked for a demo");
        Browsers.screenshot(browser, "activities-form");
        browser.findElement(By.cssSelector("main article form button[type=submit]")).click();
        assertThat(browser.findElement(By.className("flash")).getText()).startsWith("Logged: Webinar");

        new Select(browser.findElement(By.cssSelector("form.filters select[name=personId]"))).selectByVisibleText(marketer.displayName());
        new Select(browser.findElement(By.cssSelector("form.filters select[name=type]"))).selectByVisibleText("Webinar");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("table")).getText()).contains(marketer.displayName(), "Webinar",
                "Marketing", "42 sign-ups, 9 asked for a demo", "By hand");
        Browsers.screenshot(browser, "activities");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

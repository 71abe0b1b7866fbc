package org.smartketing.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One meeting in three real browsers: a marketer plans a weekly series on the page and starts the
 * first meeting; the marketer and a rep, each in their own browser on the same runner, add ideas
 * (each sees the other's appear live), write plans (the rep turns the marketer's idea into an item)
 * and commit; the sponsor's view shows both commitments; the meeting closes, and the next one opens
 * with their open items first.
 */
@IntegrationTest
class MeetingRunnerBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    WebDriver marketerBrowser;
    WebDriver repBrowser;
    WebDriver sponsorBrowser;
    Person marketer;
    Person rep;
    Person sponsor;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void people() {
        fixtures.aPerson(AppRole.ADMIN); // the app is set up: no first-start page
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
    }

    @AfterEach
    void quit() {
        for (WebDriver browser : new WebDriver[] { marketerBrowser, repBrowser, sponsorBrowser }) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void twoAttendeesAddIdeasWritePlansAndCommitTheSponsorSeesItAndTheNextMeetingOpensWithTheirItems() {
        marketerBrowser = Browsers.open();
        signIn(marketerBrowser, marketer);
        marketerBrowser.get(url("/meetings/series/new"));
        marketerBrowser.findElement(By.id("title")).sendKeys("Smartketing sync");
        new Select(marketerBrowser.findElement(By.id("pattern"))).selectByValue("WEEKLY");
        WebElement count = marketerBrowser.findElement(By.id("count"));
        count.clear();
        count.sendKeys("3");
        new Select(marketerBrowser.findElement(By.id("sponsorId"))).selectByVisibleText(sponsor.displayName());
        checkAttendee(marketerBrowser, rep);
        marketerBrowser.findElement(By.id("topic")).sendKeys("Webinar leads");
        marketerBrowser.findElement(By.id("endGoal")).sendKeys("Everyone leaves with a plan for the webinar leads");
        Browsers.screenshot(marketerBrowser, "40-series-form");
        submit(marketerBrowser, "form button[type=submit]");
        assertThat(Browsers.text(marketerBrowser, ".flash")).contains("Series saved; invitations sent.");
        assertThat(marketerBrowser.findElements(By.cssSelector(".warning"))).as("both departments attend").isEmpty();
        List<WebElement> meetingLinks = marketerBrowser.findElements(By.cssSelector("#meetings a"));
        assertThat(meetingLinks).hasSize(3);
        String nextMeeting = meetingLinks.get(1).getAttribute("href");
        clickAndLoad(marketerBrowser, () -> meetingLinks.get(0));
        clickAndLoad(marketerBrowser, () -> marketerBrowser.findElement(By.id("start")));
        assertThat(Browsers.text(marketerBrowser, "#step")).isEqualTo("Follow-up");
        String runner = marketerBrowser.getCurrentUrl();

        repBrowser = Browsers.open();
        signIn(repBrowser, rep);
        repBrowser.get(runner);
        addIdea(marketerBrowser, "Call every webinar attendee within a day");
        addIdea(repBrowser, "Share the call notes in the lead timeline");
        Browsers.waitFor(repBrowser, "#idea-list", "Call every webinar attendee within a day");
        Browsers.waitFor(marketerBrowser, "#idea-list", "Share the call notes in the lead timeline");
        Browsers.screenshot(repBrowser, "41-runner-ideas-live");

        // The rep turns the marketer's idea into an item in one click; the marketer writes one.
        clickAndLoad(repBrowser, () -> repBrowser.findElements(By.cssSelector("#idea-list li")).stream()
                .filter(li -> li.getText().contains("Call every webinar attendee")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button.make-item")));
        marketerBrowser.findElement(By.id("item-text")).sendKeys("Send the webinar recording to every lead");
        submit(marketerBrowser, "#item-form button[type=submit]");
        commit(repBrowser, "I call the first ten attendees on Monday");
        commit(marketerBrowser, "I send the recording tomorrow morning");

        sponsorBrowser = Browsers.open();
        signIn(sponsorBrowser, sponsor);
        sponsorBrowser.get(runner);
        Browsers.waitFor(sponsorBrowser, "#plan-list", "I call the first ten attendees on Monday");
        assertThat(sponsorBrowser.findElements(By.cssSelector("#plan-list .commitment"))).hasSize(2);
        assertThat(sponsorBrowser.findElements(By.id("waiting-for"))).as("nobody left to commit").isEmpty();
        assertThat(Browsers.text(sponsorBrowser, "#plan-list")).contains("Call every webinar attendee within a day",
                "Send the webinar recording to every lead", "I send the recording tomorrow morning");
        Browsers.screenshot(sponsorBrowser, "42-sponsor-sees-commitments");

        clickAndLoad(marketerBrowser, () -> marketerBrowser.findElements(By.cssSelector("button.step-button")).stream()
                .filter(b -> b.getText().equals("Close")).findFirst().orElseThrow());
        marketerBrowser.findElement(By.cssSelector("#rate-form input[name=rating]")).sendKeys("9");
        submit(marketerBrowser, "#rate-form button[type=submit]");
        WebElement page = marketerBrowser.findElement(By.tagName("html"));
        marketerBrowser.findElement(By.id("close")).click();
        new WebDriverWait(marketerBrowser, Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(marketerBrowser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        assertThat(Browsers.text(marketerBrowser, ".flash")).contains("minutes were emailed");
        assertThat(fixtures.lastMailTo(rep.email())).contains("Minutes of Smartketing sync",
                "Commitment: I call the first ten attendees on Monday");

        sponsorBrowser.get(nextMeeting);
        clickAndLoad(sponsorBrowser, () -> sponsorBrowser.findElement(By.id("start")));
        assertThat(Browsers.text(sponsorBrowser, "#step")).isEqualTo("Follow-up");
        assertThat(Browsers.text(sponsorBrowser, "#follow-up-items")).contains("Call every webinar attendee within a day",
                "Send the webinar recording to every lead", rep.displayName(), marketer.displayName());
        Browsers.screenshot(sponsorBrowser, "43-next-meeting-follow-up");
    }

    private void checkAttendee(WebDriver browser, Person person) {
        browser.findElements(By.cssSelector("input[name=attendeeIds]")).stream()
                .filter(box -> box.getAttribute("value").equals(person.id().toString())).findFirst().orElseThrow().click();
    }

    private void addIdea(WebDriver browser, String idea) {
        browser.findElement(By.id("idea-text")).sendKeys(idea);
        submit(browser, "#idea-form button[type=submit]");
    }

    private void commit(WebDriver browser, String action) {
        browser.findElement(By.id("commit-action")).sendKeys(action);
        submit(browser, "#commit-form button[type=submit]");
        Browsers.waitFor(browser, "#plan-list", action);
    }

    private static void submit(WebDriver browser, String css) {
        clickAndLoad(browser, () -> browser.findElement(By.cssSelector("main " + css)));
    }

    /** Clicks (again, if the live part was swapped under it) and waits for the page the form leads to. */
    private static void clickAndLoad(WebDriver browser, java.util.function.Supplier<WebElement> button) {
        WebElement page = browser.findElement(By.tagName("html"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> {
                    button.get().click();
                    return true;
                });
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private void signIn(WebDriver browser, Person person) {
        Browsers.signIn(browser, url("/login"), person.email(), Fixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

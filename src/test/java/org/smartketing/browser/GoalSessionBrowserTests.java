package org.smartketing.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.TeamId;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Team;
import org.smartketing.team.teams.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A goal session in three real browsers: a marketer starts it, a rep and the head of sales join on
 * the same page; each sees the others' proposals, votes and commitments appear live; they give the
 * top picks targets and owners, commit, the head drafts the goal and then endorses it.
 */
@IntegrationTest
class GoalSessionBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    WebDriver marketerBrowser;
    WebDriver repBrowser;
    WebDriver headBrowser;
    Person marketer;
    Person rep;
    Person head;
    String teamName;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void people() {
        fixtures.aPerson(AppRole.ADMIN); // the app is set up: no first-start page
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        head = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        TeamId id = TeamId.random();
        teamName = "Session team " + id.value().toString().substring(0, 8);
        teams.insert(new Team(id, teamName, null, Set.of(marketer.id(), rep.id(), head.id()), Instant.now(), Instant.now()));
    }

    @AfterEach
    void quit() {
        for (WebDriver browser : new WebDriver[] { marketerBrowser, repBrowser, headBrowser }) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void threePeopleRunAGoalSessionToACommittedDraftThatTheHeadOfSalesEndorses() {
        marketerBrowser = Browsers.open();
        signIn(marketerBrowser, marketer);
        marketerBrowser.get(url("/goal-sessions/new"));
        new Select(marketerBrowser.findElement(By.name("teamId"))).selectByVisibleText(teamName);
        marketerBrowser.findElement(By.name("title")).sendKeys("40 new customers");
        marketerBrowser.findElement(By.name("target")).sendKeys("40");
        submit(marketerBrowser, "#start-session");
        String session = marketerBrowser.getCurrentUrl();
        assertThat(Browsers.text(marketerBrowser, "#step")).isEqualTo("State the outcome");
        assertThat(Browsers.text(marketerBrowser, "#total-timer")).contains("of 15:00");

        repBrowser = Browsers.open();
        signIn(repBrowser, rep);
        repBrowser.get(session);
        submit(repBrowser, "#join");
        headBrowser = Browsers.open();
        signIn(headBrowser, head);
        headBrowser.get(session);
        submit(headBrowser, "#join");
        Browsers.waitFor(marketerBrowser, "#participants", head.displayName());

        submit(headBrowser, "button.step-button[value=PROPOSE]");
        Browsers.waitFor(repBrowser, "#step", "Everyone proposes activities");
        propose(repBrowser, "DEMO", "Demos close deals");
        propose(marketerBrowser, "WEBINAR", "Webinars fill the funnel");
        Browsers.waitFor(headBrowser, "#proposals", "Webinars");
        Browsers.waitFor(headBrowser, "#proposals", "Demos");
        Browsers.screenshot(headBrowser, "60-goal-session-proposals-live");

        submit(marketerBrowser, "button.step-button[value=VOTE]");
        for (WebDriver browser : new WebDriver[] { marketerBrowser, repBrowser, headBrowser }) {
            vote(browser, "DEMO");
        }
        vote(marketerBrowser, "WEBINAR");
        Browsers.waitFor(repBrowser, "#proposals tr[data-kind=DEMO] .votes", "3");

        submit(repBrowser, "button.step-button[value=TARGETS]");
        targets(repBrowser, "DEMO", "10", rep);
        targets(marketerBrowser, "WEBINAR", "1", marketer);
        Browsers.waitFor(headBrowser, "#proposals tr[data-kind=DEMO] .target", "10 a week");

        submit(headBrowser, "button.step-button[value=COMMIT]");
        commit(repBrowser, "Ten demos every week");
        commit(marketerBrowser, "A webinar each month");
        commit(headBrowser, "I join the first two demos");
        Browsers.waitFor(marketerBrowser, "#participants", "Committed: I join the first two demos");
        Browsers.screenshot(marketerBrowser, "61-goal-session-committed");

        WebElement page = headBrowser.findElement(By.tagName("html"));
        headBrowser.findElement(By.id("draft")).click();
        new WebDriverWait(headBrowser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(headBrowser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        Browsers.waitFor(repBrowser, "#live", "Drafted");
        clickAndLoad(headBrowser, () -> headBrowser.findElement(By.id("drafted-goal")));
        assertThat(Browsers.text(headBrowser, "main")).contains("Draft: waiting for endorsement", "Demos", "Webinars");
        submit(headBrowser, "#endorsements button[type=submit]");
        assertThat(Browsers.text(headBrowser, "#endorsements")).contains(head.displayName()).containsIgnoringCase("head of sales");
        Browsers.screenshot(headBrowser, "62-goal-session-draft-endorsed");
    }

    private void propose(WebDriver browser, String type, String note) {
        new Select(browser.findElement(By.id("propose-type"))).selectByValue(type);
        browser.findElement(By.cssSelector("#propose-form input[name=note]")).sendKeys(note);
        submit(browser, "#propose-form button[type=submit]");
    }

    private static void vote(WebDriver browser, String kind) {
        submit(browser, "#proposals tr[data-kind=" + kind + "] button.vote");
    }

    private static void targets(WebDriver browser, String kind, String target, Person owner) {
        WebElement form = browser.findElement(By.cssSelector("main .pick-forms[data-kind=" + kind + "] form.targets"));
        WebElement input = form.findElement(By.name("target"));
        input.clear();
        input.sendKeys(target);
        new Select(form.findElement(By.name("ownerIds"))).selectByValue(owner.id().toString());
        clickAndLoad(browser, () -> browser.findElement(By.cssSelector("main .pick-forms[data-kind=" + kind + "] button.set-targets")));
    }

    private static void commit(WebDriver browser, String text) {
        browser.findElement(By.id("commit-text")).sendKeys(text);
        submit(browser, "#commit-form button[type=submit]");
    }

    private static void submit(WebDriver browser, String css) {
        clickAndLoad(browser, () -> browser.findElement(By.cssSelector("main " + css)));
        assertThat(browser.findElements(By.cssSelector(".flash"))).as("no refusal").allSatisfy(
                f -> assertThat(f.getText()).doesNotStartWith("Not "));
    }

    private static void clickAndLoad(WebDriver browser, java.util.function.Supplier<WebElement> button) {
        WebElement page = browser.findElement(By.tagName("html"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> {
                    button.get().click();
                    return true;
                });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private void signIn(WebDriver browser, Person person) {
        Browsers.signIn(browser, url("/login"), person.email(), Fixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.smartketing.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.mail.MailOutbox;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-training in two real browsers: a marketer asks to shadow; a rep offers a seat on his demo,
 * picked from his own logged work; the marketer takes it with one click on her ask; both get the
 * calendar invitation; after the demo she writes a reflection whose change becomes her action
 * item, and the matrix shows the gap closed. Then every cross-training page at 390 px wide.
 */
@IntegrationTest
class CrossTrainingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityLog activities;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    WebDriver marketerBrowser;
    WebDriver repBrowser;
    Person marketer;
    Person secondMarketer;
    Person rep;
    String role;
    String demo;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void people() {
        fixtures.aPerson(AppRole.ADMIN); // the app is set up: no first-start page
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        secondMarketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        // a job role of his own, so the matrix's gap for it is this test's
        role = "Solutions engineer " + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("UPDATE person SET job_role = ? WHERE id = ?").params(role, rep.id().value()).update();
        demo = activities.log(new NewActivity(ActivityType.DEMO, rep.id(), Instant.now().plus(Duration.ofHours(20)),
                "Discovery demo with Acme", null, null, ActivitySource.MANUAL)).id().toString();
    }

    @AfterEach
    void quit() {
        clock.reset();
        for (WebDriver browser : new WebDriver[] { marketerBrowser, repBrowser }) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void aMarketerAsksARepOffersHisDemoSheTakesItReflectsAndTheMatrixShowsTheGapClosed() {
        marketerBrowser = Browsers.open();
        signIn(marketerBrowser, marketer);
        marketerBrowser.get(url("/cross-training/coverage"));
        assertThat(gap(marketerBrowser, role)).contains("nobody in marketing has seen a " + role.toLowerCase());
        assertThat(gap(marketerBrowser, marketer.displayName())).contains("has seen nothing of the other department yet");

        marketerBrowser.get(url("/cross-training"));
        marketerBrowser.findElement(By.cssSelector("#ask-form input[name=wants]"))
                .sendKeys("A solutions engineer's discovery demo");
        new Select(marketerBrowser.findElement(By.cssSelector("#ask-form select[name=activityType]"))).selectByValue("DEMO");
        marketerBrowser.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        assertThat(Browsers.text(marketerBrowser, "#asks")).contains("A solutions engineer's discovery demo");

        repBrowser = Browsers.open();
        signIn(repBrowser, rep);
        repBrowser.get(url("/cross-training"));
        Select work = new Select(repBrowser.findElement(By.id("offer-work")));
        assertThat(work.getFirstSelectedOption().getText()).startsWith("Demo: Discovery demo with Acme");
        work.selectByValue("activity:" + demo);
        String title = "Open seat on my Acme demo " + UUID.randomUUID().toString().substring(0, 4);
        repBrowser.findElement(By.cssSelector("#offer-form input[name=title]")).sendKeys(title);
        WebElement seats = repBrowser.findElement(By.cssSelector("#offer-form input[name=seats]"));
        seats.clear();
        seats.sendKeys("2");
        repBrowser.findElement(By.cssSelector("#offer-form button[type=submit]")).click();
        assertThat(Browsers.text(repBrowser, "#offers")).contains(title).contains("2 of 2 seats left");

        marketerBrowser.get(url("/cross-training/offers"));
        WebElement myAsk = marketerBrowser.findElements(By.cssSelector("#asks tbody tr")).stream()
                .filter(tr -> tr.getText().contains("A solutions engineer's discovery demo")).findFirst().orElseThrow();
        Select seat = new Select(myAsk.findElement(By.name("offerId")));
        seat.getOptions().stream().filter(o -> o.getText().startsWith(title)).findFirst().orElseThrow().click();
        myAsk.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(marketerBrowser.getCurrentUrl()).contains("/cross-training/sessions/");
        String session = marketerBrowser.getCurrentUrl().substring(marketerBrowser.getCurrentUrl().indexOf("/cross-training"));
        assertThat(Browsers.text(marketerBrowser, ".flash")).contains("Matched");
        assertThat(Browsers.text(marketerBrowser, "#details")).contains(rep.displayName()).contains(marketer.displayName())
                .contains("Demo: Discovery demo with Acme");
        Browsers.screenshot(marketerBrowser, "70-cross-training-matched");

        for (Person p : List.of(marketer, rep)) {
            MailOutbox.Mail invitation = outbox.to(p.email(), 5).stream()
                    .filter(m -> m.subject().equals("Invitation: " + title)).findFirst()
                    .orElseThrow(() -> new AssertionError("no invitation to " + p.displayName()));
            assertThat(invitation.body()).contains("You are in a shadowing session: " + title).contains(session);
        }
        repBrowser.get(url(session));
        assertThat(Browsers.text(repBrowser, "main")).contains("Move it").contains("Decline it")
                .contains(marketer.displayName());

        // a second marketer takes the other seat: two in marketing will have seen the role
        WebDriver second = Browsers.open();
        try {
            signIn(second, secondMarketer);
            second.get(url("/cross-training/offers"));
            second.findElements(By.cssSelector("#offers article")).stream().filter(a -> a.getText().contains(title))
                    .findFirst().orElseThrow().findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(Browsers.text(second, ".flash")).contains("The seat is yours");
        }
        finally {
            second.quit();
        }

        // the demo is held
        clock.advance(Duration.ofDays(2));
        marketerBrowser.get(url("/cross-training"));
        assertThat(Browsers.text(marketerBrowser, "#reflections-due")).contains(title);
        marketerBrowser.get(url(session));
        marketerBrowser.findElement(By.cssSelector("#reflection-form textarea[name=learned]"))
                .sendKeys("Reps ask about the budget in the first five minutes");
        marketerBrowser.findElement(By.cssSelector("#reflection-form input[name=change]"))
                .sendKeys("Ask for the budget on the demo request form");
        LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))).plusDays(7);
        setValue(marketerBrowser, marketerBrowser.findElement(By.cssSelector("#reflection-form input[name=actionDueOn]")),
                due.toString());
        marketerBrowser.findElement(By.cssSelector("#reflection-form button[type=submit]")).click();
        assertThat(Browsers.text(marketerBrowser, ".flash")).contains("your change is on your action items");
        assertThat(Browsers.text(marketerBrowser, ".reflection")).contains("Reps ask about the budget")
                .contains("an action item");
        marketerBrowser.get(url("/action-items"));
        assertThat(Browsers.text(marketerBrowser, "main")).contains("Ask for the budget on the demo request form")
                .contains(due.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)));

        marketerBrowser.get(url("/cross-training/coverage"));
        String gaps = Browsers.text(marketerBrowser, "#gaps");
        assertThat(gaps).doesNotContain(role).doesNotContain(marketer.displayName());
        WebElement row = marketerBrowser.findElements(By.cssSelector("#matrix-marketers tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().equals(marketer.displayName())).findFirst()
                .orElseThrow();
        List<String> headings = marketerBrowser.findElements(By.cssSelector("#matrix-marketers thead th")).stream()
                .map(WebElement::getText).toList();
        List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
        assertThat(cells.get(headings.indexOf(role)).getText()).startsWith("1 · 1.0 h");
        assertThat(cells.get(headings.indexOf("Demo")).getText()).startsWith("1 · 1.0 h");
        int standard = jdbc.sql("SELECT default_hours FROM crosstraining_settings").query(Integer.class).single();
        assertThat(cells.get(1).getText()).startsWith("1.0 of " + standard + " h");
        Browsers.screenshot(marketerBrowser, "71-cross-training-coverage-gap-closed");
        marketerBrowser.get(url("/people/" + marketer.id()));
        assertThat(Browsers.text(marketerBrowser, "#cross-training-budget")).contains("Spent").contains("1 h")
                .contains("Planned").contains("0 h");

        // every cross-training page on a phone: nothing but the matrix's own box is wider than the screen
        List<String> paths = List.of("/cross-training", "/cross-training/offers", session, "/cross-training/coverage",
                "/cross-training/measures", "/people/" + marketer.id(), "/action-items");
        marketerBrowser.manage().window().setSize(new Dimension(390, 844));
        List<String> wide = new ArrayList<>();
        for (String path : paths) {
            marketerBrowser.get(url(path));
            wide.addAll(overflowing(marketerBrowser, path));
        }
        marketerBrowser.get(url("/cross-training/coverage"));
        Browsers.screenshot(marketerBrowser, "72-cross-training-coverage-390px");
        marketerBrowser.get(url("/cross-training"));
        Browsers.screenshot(marketerBrowser, "73-cross-training-mine-390px");
        assertThat(wide).as("pages wider than a 390 px screen").isEmpty();
    }

    /** The line of the gaps list that names {@code who}, or "" when none does. */
    private static String gap(WebDriver browser, String who) {
        return browser.findElements(By.cssSelector("#gaps li")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(who)).findFirst().orElse("");
    }

    /** The page, if it is wider than the window, with the widest elements that stick out (not inside a scrolling box). */
    @SuppressWarnings("unchecked")
    private static List<String> overflowing(WebDriver browser, String path) {
        List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  if (el.closest('.scroll')) continue;
                  const r = el.getBoundingClientRect();
                  if (r.right > width + 1) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                      + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
                      + ' ' + Math.round(r.right));
                }
                return out.length ? out.slice(0, 8) : ['scrollWidth ' + document.documentElement.scrollWidth];""");
        return found.stream().map(f -> path + ": " + f).toList();
    }

    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private void signIn(WebDriver browser, Person person) {
        Browsers.signIn(browser, url("/login"), person.email(), Fixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

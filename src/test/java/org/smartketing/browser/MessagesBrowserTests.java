package org.smartketing.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.comms.reach.ExpectationsInput;
import org.smartketing.comms.reach.ReachEditing;
import org.smartketing.shared.Sql;
import org.smartketing.support.DueJobs;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The off-grid story in three browsers: Rita goes off-grid with Dana as her delegate; Mia from
 * marketing sends Rita an URGENT message; Dana's text arrives at the local SMS provider; Dana
 * acknowledges through the link without signing in; the manager is never paged. The SMS provider
 * is the suite's {@link LocalReceiver}.
 */
@IntegrationTest
class MessagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    People people;

    @Autowired
    ReachEditing reach;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    SchedulerClient scheduler;

    final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
        clock.reset();
    }

    @Test
    void theDelegateAcknowledgesAnUrgentMessageByTheLinkInHerTextAndTheManagerIsNeverPaged() throws Exception {
        fixtures.aPerson(AppRole.ADMIN);
        Person max = fixtures.aPerson(AppRole.MANAGER);
        Person rita = withManager(fixtures.aPerson(AppRole.MEMBER), max);
        Person dana = withManager(fixtures.aPerson(AppRole.MEMBER), max);
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        String danaPhone = "+4915" + (100_000_000 + Math.floorMod(UUID.randomUUID().hashCode(), 899_999_999));
        String maxPhone = "+4916" + (100_000_000 + Math.floorMod(UUID.randomUUID().hashCode(), 899_999_999));
        phone(dana, danaPhone);
        phone(max, maxPhone);
        for (Person p : List.of(dana, max)) {
            reach.saveExpectations(p.id(), new ExpectationsInput(new ExpectationsInput.UrgencyInput(List.of("SMS"), 30),
                    new ExpectationsInput.UrgencyInput(List.of("EMAIL"), 240),
                    new ExpectationsInput.UrgencyInput(List.of("EMAIL"), 2880), null));
        }

        // Rita goes off-grid on her own page, Dana as her delegate.
        WebDriver ritas = signedIn(rita);
        ritas.get(url("/reach"));
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).truncatedTo(ChronoUnit.MINUTES);
        WebElement form = ritas.findElement(By.id("off-grid"));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        setValue(ritas, form.findElement(By.name("from")), local.format(now.minusMinutes(10)));
        setValue(ritas, form.findElement(By.name("until")), local.format(now.plusDays(2)));
        new Select(form.findElement(By.name("delegateId"))).selectByVisibleText(dana.displayName());
        form.findElement(By.name("note")).sendKeys("Customer workshop, phone off");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(ritas.findElement(By.tagName("main")).getText()).contains(dana.displayName());
        Browsers.screenshot(ritas, "messages-off-grid");

        // Mia sends Rita an URGENT message.
        WebDriver mias = signedIn(mia);
        Browsers.menu(mias, "team", "Messages");
        mias.findElement(By.id("compose")).click();
        new Select(mias.findElement(By.id("to"))).selectByValue("person:" + rita.id());
        mias.findElement(By.cssSelector("input[name=urgency][value=URGENT]")).click();
        mias.findElement(By.id("subject")).sendKeys("Acme wants a call back today");
        mias.findElement(By.id("body")).sendKeys("Their CFO is waiting for the renewal offer.");
        mias.findElement(By.id("send")).click();
        assertThat(mias.findElement(By.tagName("h1")).getText()).isEqualTo("Acme wants a call back today");
        String plan = mias.findElement(By.cssSelector("table.plan")).getText();
        assertThat(plan).contains(dana.displayName()).contains("off-grid").contains("delegate")
                .contains(max.displayName());
        Browsers.screenshot(mias, "messages-plan");

        // Dana's text arrives; she acknowledges through its link, not signed in.
        String text = firstTextTo(danaPhone);
        assertThat(text).contains("Acme wants a call back today");
        int ack = text.indexOf("/ack/");
        String link = text.substring(text.lastIndexOf("http", ack)).split("\\s")[0];
        WebDriver danas = open();
        danas.get(link);
        assertThat(danas.findElement(By.tagName("main")).getText()).contains("Acme wants a call back today");
        danas.findElement(By.id("confirm-ack")).click();
        assertThat(danas.findElement(By.id("done")).getText()).contains("acknowledged");
        Browsers.screenshot(danas, "messages-acknowledged-by-link");

        mias.navigate().refresh();
        assertThat(mias.findElement(By.cssSelector("article.recipient header")).getText())
                .contains("acknowledged by " + dana.displayName());

        // Long past everyone's promised time: the manager is still never paged.
        clock.advance(Duration.ofHours(4));
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name LIKE 'comms-%' AND picked = FALSE")
                .param(Sql.utc(Instant.now())).update();
        DueJobs.awaitRun(scheduler, "comms-", Duration.ofSeconds(15));
        assertThat(LocalReceiver.get().textsTo(maxPhone)).isEmpty();
        mias.navigate().refresh();
        assertThat(mias.findElement(By.cssSelector("table.plan")).getText()).contains("Not needed: acknowledged before").doesNotContain("SKIPPED");
    }

    private Person withManager(Person p, Person manager) {
        people.update(p.withPlacement(p.department(), p.appRole(), manager.id(), Instant.now()));
        return fixtures.reload(p.id());
    }

    private void phone(Person p, String number) {
        jdbc.sql("""
                INSERT INTO comms_contact_method (id, person_id, kind, address, attempts_left, verified_at, created_at)
                VALUES (?, ?, 'PHONE', ?, 0, ?, ?)""")
                .params(UUID.randomUUID(), p.id().value(), number, Sql.utc(Instant.now()), Sql.utc(Instant.now()))
                .update();
    }

    private static String firstTextTo(String number) {
        return await("a text to " + number).atMost(Duration.ofSeconds(15))
                .until(() -> LocalReceiver.get().textsTo(number), texts -> !texts.isEmpty()).get(0).form().get("Body");
    }

    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private WebDriver open() {
        WebDriver driver = Browsers.open();
        browsers.add(driver);
        return driver;
    }

    private WebDriver signedIn(Person person) {
        WebDriver driver = open();
        Browsers.signIn(driver, url("/login"), person.email(), Fixtures.PASSWORD);
        return driver;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

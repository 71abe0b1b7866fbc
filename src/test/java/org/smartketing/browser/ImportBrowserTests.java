package org.smartketing.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * An import clicked through in a real headless Chromium: upload a file whose email column the
 * presets cannot name, map it by hand, read the check's bad lines, import several thousand rows
 * while the progress bar moves, find the leads, undo. Then the import pages at 390 px.
 */
@IntegrationTest
class ImportBrowserTests {

    static final int ROWS = 6000;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    Path file;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowserAndFile() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void uploadsMapsChecksImportsWithAMovingProgressBarFindsTheLeadsAndUndoes() throws IOException {
        fixtures.aPerson(AppRole.ADMIN); // an installation that is set up, whatever ran before
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        String run = UUID.randomUUID().toString().substring(0, 8);
        file = fair(run);
        browser = Browsers.open();
        Browsers.signIn(browser, url("/login"), marketer.email(), Fixtures.PASSWORD);

        Browsers.menu(browser, "funnel", "Import");
        assertThat(Browsers.text(browser, "h1")).isEqualTo("Import leads or activities");
        browser.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        // "Kontakt" is no header the presets know: the preview says the rows lack an email
        assertThat(Browsers.text(browser, "h1")).isEqualTo("Import of fair-" + run + ".csv");
        assertThat(new Select(browser.findElement(By.id("target-0"))).getFirstSelectedOption().getText())
                .isEqualTo("Do not import");
        assertThat(Browsers.text(browser, "main")).contains("an email address, a phone number or an id");
        new Select(browser.findElement(By.id("target-0"))).selectByVisibleText("Email");
        browser.findElement(By.xpath("//button[text()='Show the preview with this mapping']")).click();
        assertThat(Browsers.text(browser, "main")).contains("a0." + run + "@example.com");

        browser.findElement(By.xpath("//button[text()='Check the whole file']")).click();
        assertThat(Browsers.text(browser, ".flash")).isEqualTo("Checked " + ROWS + " rows: 2 cannot be imported as "
                + "they are (listed below).");
        String errors = browser.findElement(By.xpath("//h2[text()='Lines the check found wrong']/following::table[1]"))
                .getText();
        assertThat(errors).contains("Kontakt", "not-an-email", "Country", "Atlantis");
        Browsers.screenshot(browser, "imports-dry-run");

        browser.findElement(By.xpath("//button[text()='Import']")).click();
        List<Long> seen = progressUntilDone();
        assertThat(seen).as("the processed count the bar showed while it ran: " + seen)
                .anyMatch(v -> v > 0 && v < ROWS);
        assertThat(Browsers.text(browser, "dl.summary")).contains("New leads\n" + (ROWS - 2));
        Browsers.screenshot(browser, "imports-done");

        String importPage = browser.getCurrentUrl();
        browser.findElement(By.linkText("Find the leads")).click();
        browser.findElement(By.cssSelector("form.filter-bar input[name=q]")).sendKeys("a17." + run);
        browser.findElement(By.cssSelector("form.filter-bar button[type=submit]")).click();
        assertThat(Browsers.text(browser, "main table")).contains("Fairgast17");
        browser.get(importPage);

        browser.findElement(By.cssSelector("details summary")).click();
        browser.findElement(By.name("confirm")).click();
        browser.findElement(By.xpath("//button[text()='Undo the import']")).click();
        assertThat(Browsers.text(browser, ".flash")).isEqualTo("Undone: " + (ROWS - 2) + " new leads removed, 0 changed "
                + "leads put back.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key LIKE ?").param("%." + run + "@example.com")
                .query(Long.class).single()).isZero();

        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of(url("/imports"), importPage)) {
            browser.get(page);
            assertThat(((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth")).longValue())
                    .as("%s no wider than a 390 px screen", page).isLessThanOrEqualTo(390);
        }
        Browsers.screenshot(browser, "imports-390px");
        browser.get(url("/imports"));
        Browsers.screenshot(browser, "imports-upload-390px");
    }

    /** What the progress bar said (its value) each time it was looked at, until the page shows the import done. */
    private List<Long> progressUntilDone() {
        List<Long> seen = new ArrayList<>();
        new WebDriverWait(browser, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(50)).until(b -> {
            Object value = ((JavascriptExecutor) b).executeScript(
                    "const p = document.querySelector('#import-progress progress'); return p ? p.value : null;");
            if (value instanceof Number n && (seen.isEmpty() || seen.get(seen.size() - 1) != n.longValue())) {
                seen.add(n.longValue());
            }
            return b.findElements(By.cssSelector("#import-progress[data-state=DONE]")).size() == 1;
        });
        return seen;
    }

    /** A fair's visitors: several thousand rows, two of them bad (an email that is none, a country that is none). */
    private static Path fair(String run) throws IOException {
        StringBuilder csv = new StringBuilder("Kontakt,First Name,Last Name,Country\r\n");
        for (int i = 0; i < ROWS; i++) {
            String email = i == 40 ? "not-an-email" : "a" + i + "." + run + "@example.com";
            csv.append(email).append(",Fairgast").append(i).append(",Visitor,").append(i == 41 ? "Atlantis" : "Germany")
                    .append("\r\n");
        }
        Path path = Files.createTempDirectory("imports").resolve("fair-" + run + ".csv");
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        return path;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.smartketing.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.demo.DemoCompany;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The team part clicked through in a real headless Chromium, two people in two browser sessions. */
@IntegrationTest
class TeamBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoCompany demo;

    WebDriver admin;
    WebDriver invitee;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void aBrandNewInstallation() {
        fixtures.emptyDatabase();
    }

    @AfterEach
    void closeBrowsers() {
        if (admin != null) {
            admin.quit();
        }
        if (invitee != null) {
            invitee.quit();
        }
    }

    @Test
    void setsUpInvitesAndTheInviteeJoinsAndEditsTheirProfile() {
        admin = Browsers.open();
        admin.get(url("/"));
        assertThat(admin.getCurrentUrl()).endsWith("/setup");
        Browsers.screenshot(admin, "01-setup");
        admin.findElement(By.id("displayName")).sendKeys("Ada Admin");
        admin.findElement(By.id("email")).sendKeys("ada@example.com");
        admin.findElement(By.id("password")).sendKeys("first admin password");
        admin.findElement(By.name("create")).click();

        signIn(admin, "ada@example.com", "first admin password");
        assertThat(admin.findElement(By.tagName("h1")).getText()).contains("Ada Admin");

        admin.get(url("/people/invite"));
        admin.findElement(By.id("displayName")).sendKeys("Rita Rep");
        admin.findElement(By.id("email")).sendKeys("rita@example.com");
        new Select(admin.findElement(By.id("department"))).selectByVisibleText("Sales");
        admin.findElement(By.id("jobRole")).sendKeys("Account executive");
        Browsers.screenshot(admin, "02-invite");
        admin.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(admin.findElement(By.className("flash")).getText()).contains("Invitation sent to rita@example.com");

        admin.get(url("/admin/outbox"));
        Browsers.screenshot(admin, "03-outbox");
        String body = admin.findElement(By.className("mail-body")).getText();
        String link = Fixtures.linkIn(body, "/invitations/");

        invitee = Browsers.open();
        invitee.get(url(link));
        assertThat(invitee.findElement(By.tagName("h1")).getText()).contains("Rita Rep");
        invitee.findElement(By.id("password")).sendKeys("rita's own password");
        invitee.findElement(By.id("confirmation")).sendKeys("rita's own password");
        invitee.findElement(By.cssSelector("main form button[type=submit]")).click();
        signIn(invitee, "rita@example.com", "rita's own password");

        invitee.get(url("/profile/edit"));
        invitee.findElement(By.id("jobRole")).clear();
        invitee.findElement(By.id("jobRole")).sendKeys("Senior account executive");
        new Select(invitee.findElement(By.id("timeZone"))).selectByVisibleText("Asia/Tokyo");
        Browsers.screenshot(invitee, "04-profile-edit");
        invitee.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(invitee.findElement(By.className("flash")).getText()).contains("Your profile is saved");
        assertThat(invitee.findElement(By.tagName("main")).getText()).contains("Senior account executive", "Asia/Tokyo",
                "Mon–Fri, 09:00–17:00");
        assertThat(invitee.findElement(By.tagName("footer")).getText()).as("times now shown in her new zone")
                .contains("Asia/Tokyo");
        Browsers.screenshot(invitee, "05-profile");

        invitee.get(url("/admin/audit"));
        assertThat(invitee.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        Browsers.screenshot(invitee, "06-refused");

        admin.get(url("/admin/audit"));
        assertThat(admin.findElement(By.tagName("table")).getText()).contains("rita@example.com", "profile-updated");
    }

    @Test
    void showsTheDemoCompany() {
        demo.fill();
        admin = Browsers.open();
        admin.get(url("/login"));
        signIn(admin, DemoCompany.ADMIN_EMAIL, DemoCompany.PASSWORD);
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Maya Chen", "Daniel Weber");
        Browsers.screenshot(admin, "home");
        admin.get(url("/people"));
        Browsers.screenshot(admin, "people");
        admin.get(url("/teams"));
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Revenue team");
        Browsers.screenshot(admin, "teams");
        admin.get(url("/pipeline"));
        assertThat(admin.findElements(By.cssSelector(".board .card"))).isNotEmpty();
        Browsers.screenshot(admin, "pipeline");
        admin.get(url("/leads"));
        Browsers.screenshot(admin, "leads");
        admin.findElement(By.cssSelector("main table tbody a")).click();
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Stage history");
        Browsers.screenshot(admin, "lead");
        admin.get(url("/sla/report"));
        Browsers.screenshot(admin, "sla-report");
    }

    @Test
    void thePagesOfPlainWordsFitAPhoneAndADesk() {
        demo.fill();
        admin = Browsers.open();
        admin.get(url("/login"));
        signIn(admin, DemoCompany.ADMIN_EMAIL, DemoCompany.PASSWORD);
        for (int width : new int[] { 1440, 390 }) {
            admin.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            for (String page : java.util.List.of("/inbox", "/messages", "/messages?box=sent", "/admin/audit", "/campaigns",
                    "/action-items", "/meetings")) {
                admin.get(url(page));
                long wide = ((Number) ((org.openqa.selenium.JavascriptExecutor) admin)
                        .executeScript("return document.documentElement.scrollWidth")).longValue();
                long shown = ((Number) ((org.openqa.selenium.JavascriptExecutor) admin)
                        .executeScript("return window.innerWidth")).longValue();
                assertThat(wide).as(page + " at " + width + " px").isLessThanOrEqualTo(shown);
                Browsers.screenshot(admin, "plain-" + width + page.replaceAll("[^a-z]+", "-"));
            }
        }
        admin.get(url("/admin/audit"));
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("→").doesNotContain("{\"");
    }

    private void signIn(WebDriver driver, String email, String password) {
        assertThat(driver.getCurrentUrl()).contains("/login");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.smartketing.browser;

import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin on a phone-wide screen, by keyboard only: adds an endpoint with two event types, copies
 * the secret shown once, sees a delivery in the log, makes a new secret and removes the endpoint
 * after confirming; no page is wider than the screen.
 */
@IntegrationTest
class WebhooksBrowserTests {

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
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminAddsWatchesRotatesAndRemovesAnEndpointByKeyboardAt390Px() {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String hook = LocalReceiver.get().url("/hooks/browser/" + UUID.randomUUID());
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(390, 900));
        Browsers.signIn(browser, url("/login"), admin.email(), Fixtures.PASSWORD);

        browser.get(url("/admin/webhooks"));
        fitsTheScreen("the list");
        browser.findElement(By.id("url")).sendKeys(hook);
        checkByKeyboard("lead.created");
        checkByKeyboard("lead.stage_changed");
        browser.findElement(By.id("description")).sendKeys("Phone test", Keys.ENTER);

        String secret = browser.findElement(By.id("new-secret")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("it is not shown again")
                .contains("A lead was created, A lead moved to another stage");
        fitsTheScreen("the endpoint");

        fixtures.aLead("DE");
        String endpointPage = browser.getCurrentUrl();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> {
            b.get(endpointPage);
            return b.findElement(By.tagName("main")).getText().contains("Delivered");
        });
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("whsec_").contains("lead.created");
        fitsTheScreen("the delivery log");

        press(browser.findElement(By.xpath("//button[normalize-space()='New signing secret']")));
        assertThat(browser.findElement(By.id("new-secret")).getText()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("previous secret as well");

        press(browser.findElement(By.linkText("Remove…")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("cannot be undone");
        fitsTheScreen("the confirmation");
        press(browser.findElement(By.xpath("//button[normalize-space()='Remove']")));
        assertThat(browser.findElement(By.className("flash")).getText()).contains("removed");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(hook);
    }

    /** Focuses the event's checkbox and ticks it with the space bar. */
    private void checkByKeyboard(String type) {
        WebElement box = browser.findElement(By.cssSelector("input[type=checkbox][value='" + type + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", box);
        box.sendKeys(Keys.SPACE);
        assertThat(box.isSelected()).as(type).isTrue();
    }

    private static void press(WebElement control) {
        control.sendKeys(Keys.ENTER);
    }

    private void fitsTheScreen(String what) {
        long wide = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        long shown = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
        assertThat(wide).as(what + " at 390 px").isLessThanOrEqualTo(shown);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

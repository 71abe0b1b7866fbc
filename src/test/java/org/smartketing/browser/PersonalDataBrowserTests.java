package org.smartketing.browser;

import java.nio.charset.StandardCharsets;
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
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * An admin, by keyboard: records a lead's consent withdrawn at desktop width; on a phone-wide
 * screen, erases the lead after a confirmation that says there is no undo, then sets the suppression
 * list to take erased people in anonymised; no page is wider than the screen.
 */
@IntegrationTest
class PersonalDataBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    WebDriver browser;

    String token;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (token != null) {
            mvc.perform(put("/api/v1/suppression-list/settings").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reIntake\": \"REFUSE\"}"));
        }
    }

    @Test
    void anAdminWithdrawsConsentThenErasesTheLeadAfterConfirmingAndSetsTheListToAnonymise() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        token = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
        String last = "Erasable" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String email = "erase." + UUID.randomUUID() + "@example.org";
        String created = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"" + email + "\", \"lastName\": \"" + last
                        + "\", \"consentGiven\": true, \"consentMethod\": \"web form\"}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = json.readTree(created).get("id").asString();
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(1280, 900));
        Browsers.signIn(browser, url("/login"), admin.email(), Fixtures.PASSWORD);

        browser.get(url("/leads/" + id));
        browser.findElement(By.name("how")).sendKeys("reply to the newsletter");
        press(browser.findElement(By.id("withdraw-consent")));
        assertThat(browser.findElement(By.className("flash")).getText()).contains("Consent to marketing is withdrawn");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Withdrawn", "reply to the newsletter");

        browser.manage().window().setSize(new Dimension(390, 900));
        assertThat(browser.findElement(By.id("download-personal-data")).getAttribute("href"))
                .endsWith("/admin/leads/" + id + "/personal-data");
        press(browser.findElement(By.id("erase-lead")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("There is no undo", last);
        fitsTheScreen("the confirmation");
        press(browser.findElement(By.id("confirm-erase")));
        assertThat(browser.findElement(By.className("flash")).getText()).contains("erased in every part");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("personal data was erased").doesNotContain(last).doesNotContain(email);
        assertThat(browser.findElements(By.id("erase-lead"))).as("nothing is left to erase").isEmpty();
        fitsTheScreen("the erased lead");

        browser.get(url("/admin/suppression-list"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Their data was erased");
        WebElement anonymise = browser.findElement(By.cssSelector("input[name=reIntake][value=ANONYMISE]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", anonymise);
        anonymise.sendKeys(Keys.SPACE);
        press(browser.findElement(By.id("save-re-intake")));
        assertThat(browser.findElement(By.className("flash")).getText()).contains("anonymised");
        assertThat(browser.findElement(By.cssSelector("input[name=reIntake][value=ANONYMISE]")).isSelected()).isTrue();
        fitsTheScreen("the suppression list");
    }

    private static void press(WebElement control) {
        control.sendKeys(Keys.ENTER);
    }

    private void fitsTheScreen(String what) {
        long wide = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        long shown = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
        Object offenders = ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll('main *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth).slice(0, 5)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + (e.textContent || '').slice(0, 40)).join(' | ')");
        assertThat(wide).as(what + " at 390 px (" + offenders + ")").isLessThanOrEqualTo(shown);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

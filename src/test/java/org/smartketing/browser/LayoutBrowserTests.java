package org.smartketing.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.demo.DemoCompany;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout in a real headless Chromium, at a phone's 390 px and a desk's 1440 px, as an admin, a
 * manager and a rep of the demo company: no main page is wider than the screen, and
 * the menu opens with Enter, closes with Esc, gives the focus back to its button and shows where
 * the focus is.
 */
@IntegrationTest
class LayoutBrowserTests {

    static final int PHONE = 390;
    static final int DESK = 1440;
    static final List<String> MAIN_PAGES = List.of("/", "/leads", "/people", "/pipeline", "/meetings", "/inbox",
            "/messages", "/campaigns", "/action-items", "/goals", "/goals/mine", "/sla", "/activities", "/teams");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoCompany demo;

    WebDriver browser;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    /** Filled once: these tests only read it (and the demo takes a while to fill). */
    static boolean filled;

    @BeforeEach
    void theDemoCompany() {
        if (!filled) {
            fixtures.emptyDatabase();
            demo.fill();
            filled = true;
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void noMainPageIsWiderThanAPhoneOrADeskForAnyRole() {
        List<String> tooWide = new ArrayList<>();
        for (String person : List.of(DemoCompany.ADMIN_EMAIL, "daniel.weber", "emma.johansson")) {
            browser = Browsers.open();
            Browsers.signIn(browser, url("/login"), person.contains("@") ? person : person + DemoCompany.DOMAIN,
                    DemoCompany.PASSWORD);
            for (int width : new int[] { DESK, PHONE }) {
                browser.manage().window().setSize(new Dimension(width, 900));
                for (String page : pagesOf(person)) {
                    browser.get(url(page));
                    assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
                    if (width == PHONE && person.contains("@")) {
                        Browsers.screenshot(browser, "phone" + page.replaceAll("[^a-z]+", "-"));
                    }
                    if (scrollWidth() > innerWidth()) {
                        tooWide.add(page + " as " + person + " at " + width + " px: " + scrollWidth() + " px, " + widest());
                    }
                }
            }
            browser.quit();
            browser = null;
        }
        assertThat(tooWide).as("pages wider than the screen").isEmpty();
    }

    @Test
    void onAPhoneTheMenuButtonOpensWithEnterAndEscClosesItAndGivesTheFocusBack() {
        signInAs("emma.johansson" + DemoCompany.DOMAIN, PHONE);
        browser.get(url("/leads"));
        assertThat(browser.findElement(By.id("site-menu")).isDisplayed()).as("collapsed on a phone").isFalse();

        tabTo("[data-menu-toggle]");
        assertFocusIsVisible();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.findElement(By.cssSelector("[data-menu-toggle]")).getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.id("site-menu")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.linkText("People")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.linkText("Audit log"))).as("a rep has no admin menu").isEmpty();
        assertThat(scrollWidth()).as("the open menu fits the phone").isLessThanOrEqualTo(innerWidth());
        Browsers.screenshot(browser, "menu-390-open");

        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(activeIsInside("#site-menu")).as("Tab goes into the open menu").isTrue();
        assertFocusIsVisible();
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.findElement(By.id("site-menu")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("[data-menu-toggle]")).getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(activeMatches("[data-menu-toggle]")).as("the focus is back on the menu button").isTrue();

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        browser.findElement(By.linkText("People")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/people");
    }

    @Test
    void onADeskEachGroupOpensWithEnterAndEscClosesItAndGivesTheFocusBack() {
        signInAs(DemoCompany.ADMIN_EMAIL, DESK);
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("[data-menu-toggle]")).isDisplayed()).as("no menu button on a desk")
                .isFalse();
        assertThat(browser.findElement(By.id("menu-funnel")).isDisplayed()).isFalse();

        tabTo(".group-toggle[aria-controls=menu-funnel]");
        assertFocusIsVisible();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.findElement(By.cssSelector(".group-toggle[aria-controls=menu-funnel]")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("menu-funnel")).isDisplayed()).isTrue();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(activeIsInside("#menu-funnel")).as("Tab goes into the open group").isTrue();
        assertFocusIsVisible();
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.findElement(By.id("menu-funnel")).isDisplayed()).isFalse();
        assertThat(activeMatches(".group-toggle[aria-controls=menu-funnel]")).as("the focus is back on the group").isTrue();

        browser.findElement(By.cssSelector(".group-toggle[aria-controls=menu-admin]")).click();
        assertThat(browser.findElement(By.id("menu-admin")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("menu-funnel")).isDisplayed()).isFalse();
        assertThat(scrollWidth()).as("the admin's drop-down stays on the screen").isLessThanOrEqualTo(innerWidth());
        browser.findElement(By.linkText("Audit log")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/audit");
    }

    @Test
    void myDayOfAManagerOnADeskAndOnAPhone() {
        signInAs("daniel.weber" + DemoCompany.DOMAIN, DESK);
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("MQLs waiting for me",
                "SLA breaches in my team", "Unrouted leads", "My meetings today", "Messages to acknowledge");
        Browsers.screenshot(browser, "home-1440");
        browser.manage().window().setSize(new Dimension(PHONE, 844));
        browser.get(url("/"));
        assertThat(scrollWidth()).isLessThanOrEqualTo(innerWidth());
        Browsers.screenshot(browser, "home-390");
    }

    private List<String> pagesOf(String person) {
        List<String> pages = new ArrayList<>(MAIN_PAGES);
        if (person.contains("@") || person.startsWith("daniel")) {
            pages.add("/insights");
        }
        if (person.contains("@")) {
            pages.addAll(List.of("/admin/audit", "/admin/routing", "/admin/scoring"));
        }
        return pages;
    }

    private void signInAs(String email, int width) {
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(width, 900));
        Browsers.signIn(browser, url("/login"), email, DemoCompany.PASSWORD);
    }

    /** Presses Tab from the top of the page until the element is focused, as a keyboard user would. */
    private void tabTo(String css) {
        ((JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur()");
        for (int i = 0; i < 15 && !activeMatches(css); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(activeMatches(css)).as("reached " + css + " by Tab").isTrue();
    }

    private void assertFocusIsVisible() {
        Object ring = ((JavascriptExecutor) browser).executeScript("""
                const el = document.activeElement, style = getComputedStyle(el);
                return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;""");
        assertThat(ring).as("a visible focus ring on " + describeActive()).isEqualTo(Boolean.TRUE);
    }

    private boolean activeMatches(String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return document.activeElement !== null && document.activeElement.matches(arguments[0])", css));
    }

    private boolean activeIsInside(String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return document.querySelector(arguments[0]).contains(document.activeElement)", css));
    }

    private String describeActive() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.activeElement.outerHTML.slice(0, 120)"));
    }

    /** The first elements that stick out on the right, to say what makes a page too wide. */
    private String widest() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('main *, header *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30))
                    .join(' | ');"""));
    }

    private long scrollWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    private long innerWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

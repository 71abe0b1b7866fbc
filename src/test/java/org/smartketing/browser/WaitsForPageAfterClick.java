package org.smartketing.browser;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.events.WebDriverListener;

import static org.awaitility.Awaitility.await;

/**
 * Chromedriver (since Chromium 134) returns from a click on a submit button or link before the
 * browser has left the page, so the next look at the page may still see the old one. Before each
 * click this marks the page and notes whether a cross-document navigation starts (the Navigation
 * API's navigate event); after it, it waits until the next page has loaded. Clicks that stay on
 * the page (htmx, buttons that open a dialog) return at once. Public, because Selenium calls its
 * methods by reflection and quietly skips a listener it may not call.
 */
public final class WaitsForPageAfterClick implements WebDriverListener {

    private static final String MARK = """
            window.__pageMark = arguments[0]; window.__leaving = false;
            if (window.navigation && !window.__watchingNavigation) {
              window.__watchingNavigation = true;
              navigation.addEventListener('navigate', e => { if (!e.destination.sameDocument) window.__leaving = true; });
            }
            const el = arguments[1], form = el.closest('form');
            return (el.matches('a[href]') && !el.closest('[hx-get],[hx-post],[hx-boost]'))
                || (el.matches('button:not([type=button]),input[type=submit]') && form !== null
                    && !form.matches('[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete]'));""";
    private static final String STATE = """
            if (window.__pageMark !== arguments[0]) return document.readyState === 'complete' ? 'arrived' : 'loading';
            return window.__leaving ? 'leaving' : 'stayed';""";

    private final ChromeDriver browser;
    private String mark;
    private boolean mayLeave;

    WaitsForPageAfterClick(ChromeDriver browser) {
        this.browser = browser;
    }

    @Override
    public void beforeClick(WebElement element) {
        mark = UUID.randomUUID().toString();
        mayLeave = Boolean.TRUE.equals(browser.executeScript(MARK, mark, element));
    }

    @Override
    public void afterClick(WebElement element) {
        // A form submission starts its navigation in a later task, so a click that may leave the
        // page is given a moment to start leaving before "stayed" is believed.
        long believeStayedAfter = System.nanoTime() + (mayLeave ? Duration.ofSeconds(2) : Duration.ZERO).toNanos();
        try {
            await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                    .atMost(Duration.ofSeconds(15)).until(() -> settled(state(), believeStayedAfter));
        }
        catch (ConditionTimeoutException stillLoading) {
            // the test's next look at the page says what it shows instead
        }
    }

    private static boolean settled(String state, long believeStayedAfter) {
        return "arrived".equals(state) || "dialog".equals(state)
                || ("stayed".equals(state) && System.nanoTime() >= believeStayedAfter);
    }

    private String state() {
        try {
            browser.switchTo().alert();
            return "dialog";
        }
        catch (NoAlertPresentException noDialog) {
            // no dialog: look at the page
        }
        try {
            return String.valueOf(browser.executeScript(STATE, mark));
        }
        catch (WebDriverException pageGoingAway) {
            return "leaving";
        }
    }
}

package org.smartketing.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's chromedriver; nothing is downloaded. Without them the
 * browser tests are skipped, unless SMARTKETING_BROWSER_TESTS=required (CI), where that fails.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers() {
    }

    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("required".equals(System.getenv("SMARTKETING_BROWSER_TESTS")) && !present) {
            throw new IllegalStateException("Chromium and chromedriver are required here but missing");
        }
        Assumptions.assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
    }

    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        return new EventFiringDecorator<WebDriver>(new WaitsForPageAfterClick(driver)).decorate(driver);
    }

    /**
     * Chromedriver (since Chromium 134) returns from a click on a submit button or link before the
     * browser has left the page, so the next look at the page may still see the old one. Before each
     * click this marks the page and notes whether a cross-document navigation starts (the Navigation
     * API's navigate event); after it, it waits until the next page has loaded. Clicks that stay on
     * the page (htmx, buttons that open a dialog) return at once.
     */
    static final class WaitsForPageAfterClick implements WebDriverListener {

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
            long now = System.nanoTime();
            long believeStayedAfter = now + (mayLeave ? Duration.ofSeconds(2) : Duration.ZERO).toNanos();
            long deadline = now + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                String state = state();
                if ("arrived".equals(state) || "dialog".equals(state)
                        || ("stayed".equals(state) && System.nanoTime() >= believeStayedAfter)) {
                    return;
                }
                try {
                    Thread.sleep(25);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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

    /**
     * Signs in through the form and waits for the page after it; a form submit may return before the
     * browser has left the sign-in page. Fails with what the page says when sign-in is refused.
     */
    static void signIn(WebDriver driver, String loginUrl, String email, String password) {
        driver.get(loginUrl);
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
        }
        catch (TimeoutException ex) {
            throw new AssertionError("still on the sign-in page as " + email + ": "
                    + driver.findElement(By.tagName("main")).getText(), ex);
        }
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

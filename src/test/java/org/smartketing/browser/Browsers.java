package org.smartketing.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
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

    /**
     * Follows a link of the main menu as a person would: opens its group's drop-down on a desk, or
     * the menu button's panel on a phone, then clicks the link.
     */
    static void menu(WebDriver browser, String group, String link) {
        WebElement toggle = browser.findElement(By.cssSelector(".group-toggle[aria-controls=menu-" + group + "]"));
        (toggle.isDisplayed() ? toggle : browser.findElement(By.cssSelector("[data-menu-toggle]"))).click();
        browser.findElement(By.id("menu-" + group)).findElement(By.linkText(link)).click();
    }

    /** Waits until the element shows the text: for parts of a page that are polled and replaced (htmx). */
    static void waitFor(WebDriver browser, String css, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> {
            try {
                return b.findElement(By.cssSelector(css)).getText().contains(expected);
            }
            catch (StaleElementReferenceException | NoSuchElementException ex) {
                return false; // replaced or not there yet
            }
        });
    }

    static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
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

package org.smartketing.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's scoring and routing pages clicked through in a real headless Chromium. */
@IntegrationTest
class FunnelAdminBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadScoring scoring;

    @Autowired
    LeadRouter router;

    ScoringRules scoringBefore;
    RoutingSetup routingBefore;
    WebDriver browser;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void remember() {
        scoringBefore = scoring.rules();
        routingBefore = router.setup();
    }

    @AfterEach
    void restore() {
        if (browser != null) {
            browser.quit();
        }
        scoring.replaceRules(scoringBefore.basedOn(scoring.rules().version()));
        router.replace(routingBefore.basedOn(router.setup().version()));
    }

    @Test
    void anAdminSetsTheThresholdAddsAFitRuleAndARoutingRule() {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        browser = Browsers.open();
        Browsers.signIn(browser, url("/login"), admin.email(), Fixtures.PASSWORD);

        browser.get(url("/admin/scoring"));
        WebElement threshold = browser.findElement(By.id("mqlThreshold"));
        threshold.clear();
        threshold.sendKeys("60");
        threshold.submit();
        assertThat(browser.findElement(By.className("flash")).getText()).contains("at a score of 60");

        WebElement fit = browser.findElement(By.cssSelector("form[action$='/fit-rules']"));
        new Select(fit.findElement(By.id("field"))).selectByVisibleText("Title");
        new Select(fit.findElement(By.id("operator"))).selectByVisibleText("contains");
        fit.findElement(By.id("value")).sendKeys("Chief");
        WebElement points = fit.findElement(By.id("points"));
        points.clear();
        points.sendKeys("25");
        Browsers.screenshot(browser, "funnel-01-scoring");
        fit.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.id("fit-rules")).getText()).contains("Title contains 'Chief'");

        browser.get(url("/admin/routing"));
        WebElement rule = browser.findElement(By.cssSelector("form[action$='/routing/rules']"));
        rule.findElement(By.id("name")).sendKeys("Canada");
        rule.findElement(By.id("country")).sendKeys("CA");
        new Select(rule.findElement(By.id("pool"))).selectByValue(rep.id().toString());
        Browsers.screenshot(browser, "funnel-02-routing");
        rule.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.className("flash")).getText()).contains("Added the rule “Canada”");
        assertThat(browser.findElement(By.id("routing-rules")).getText()).contains("Canada", rep.displayName());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

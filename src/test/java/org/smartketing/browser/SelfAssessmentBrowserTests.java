package org.smartketing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.smartketing.insights.assessment.SelfAssessments;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The self-assessment on a phone (390 px wide), answered with the keyboard only: Tab into each
 * statement's radio group, arrow keys to the score, Enter to send; then the results page, which
 * fits the width as well.
 */
@IntegrationTest
class SelfAssessmentBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SelfAssessments assessments;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMarketerAnswersWithTheKeyboardOnAPhoneAndSeesTheRoundsResults() {
        List.of("insight_assessment_score", "insight_assessment_response", "insight_assessment_participant",
                "insight_assessment_round").forEach(t -> jdbc.sql("DELETE FROM " + t).update());
        fixtures.aPerson(AppRole.ADMIN);
        var round = assessments.openThisQuarter("test");
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);

        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.signIn(browser, url("/login"), marketer.email(), Fixtures.PASSWORD);
        browser.get(url("/self-assessment"));
        List<WebElement> groups = browser.findElements(By.cssSelector("#assessment fieldset.scale"));
        assertThat(groups).hasSize(12);
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();

        WebElement first = groups.get(0).findElement(By.cssSelector("input[type=radio]"));
        first.sendKeys(Keys.SPACE); // the first group's 1
        for (int i = 0; i < 3; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT); // … to its 4
        }
        for (int g = 1; g < groups.size(); g++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB); // into the next group
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getAttribute("name")).isEqualTo(groups.get(g).findElement(By.cssSelector("input"))
                    .getAttribute("name"));
            focused.sendKeys(Keys.SPACE);
            focused.sendKeys(Keys.ARROW_RIGHT); // 2
        }
        assertThat(groups.get(0).findElement(By.cssSelector("input[value='4']")).isSelected()).isTrue();
        assertThat(groups.get(11).findElement(By.cssSelector("input[value='2']")).isSelected()).isTrue();
        Browsers.screenshot(browser, "80-self-assessment-390");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        Browsers.waitFor(browser, "main", "You have answered");
        assertThat(assessments.answered(round.id(), marketer.id())).isTrue();
        browser.get(url("/self-assessment/rounds/" + round.id()));
        assertThat(Browsers.text(browser, "#gap")).contains("not enough answers yet");
        assertThat(Browsers.text(browser, "#answer-counts")).contains("Marketing 1");
        assertThat(fitsTheWidth()).as("the results at 390 px (the table scrolls in its box)").isTrue();
        Browsers.screenshot(browser, "81-self-assessment-results-390");
        browser.manage().window().setSize(new Dimension(1280, 900));
        Browsers.screenshot(browser, "82-self-assessment-results");
    }

    private boolean fitsTheWidth() {
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

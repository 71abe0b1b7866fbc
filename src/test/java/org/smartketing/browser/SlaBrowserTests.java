package org.smartketing.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA page clicked through by the two heads in two browsers: terms changed, signed by both; then the report. */
@IntegrationTest
class SlaBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    WebDriver sales;
    WebDriver marketing;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        if (sales != null) {
            sales.quit();
        }
        if (marketing != null) {
            marketing.quit();
        }
    }

    @Test
    void bothHeadsSignTheAgreementAndReadTheReport() {
        fixtures.aPerson(AppRole.ADMIN); // set up already: no first-start page
        Person headOfSales = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Person headOfMarketing = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);

        sales = signedIn(headOfSales);
        Browsers.menu(sales, "funnel", "SLA");
        assertThat(sales.findElement(By.tagName("h1")).getText()).isEqualTo("Handoff agreement");
        sales.findElement(By.id("acceptHours")).clear();
        sales.findElement(By.id("acceptHours")).sendKeys("0");
        sales.findElement(By.id("save-terms")).click();
        assertThat(sales.findElement(By.id("acceptHours-error")).getText()).isNotBlank();
        sales.findElement(By.id("acceptHours")).clear();
        sales.findElement(By.id("acceptHours")).sendKeys("5");
        sales.findElement(By.id("mqlsPerMonth")).clear();
        sales.findElement(By.id("mqlsPerMonth")).sendKeys("" + (100 + System.nanoTime() % 1000));
        sales.findElement(By.id("save-terms")).click();
        assertThat(sales.findElement(By.className("flash")).getText()).contains("saved");
        assertThat(sales.findElement(By.id("agreement")).getText()).contains("within 5 working hours",
                "Not signed by both heads");
        sales.findElement(By.id("sign")).click();
        assertThat(sales.findElement(By.id("agreement")).getText()).contains(headOfSales.displayName());
        assertThat(sales.findElements(By.id("sign"))).as("signed once").isEmpty();
        Browsers.screenshot(sales, "sla-signed-by-sales");

        marketing = signedIn(headOfMarketing);
        marketing.get(url("/sla"));
        marketing.findElement(By.id("sign")).click();
        assertThat(marketing.findElement(By.id("signed-by-both")).getText()).isEqualTo("Signed by both heads");
        Browsers.screenshot(marketing, "sla-signed-by-both");

        marketing.findElement(By.linkText("SLA report")).click();
        assertThat(marketing.findElement(By.tagName("h1")).getText()).startsWith("SLA report");
        assertThat(marketing.findElement(By.id("mqls")).getText()).contains("MQLs delivered against a commitment of");
        Browsers.screenshot(marketing, "sla-report");
    }

    private WebDriver signedIn(Person person) {
        WebDriver driver = Browsers.open();
        Browsers.signIn(driver, url("/login"), person.email(), Fixtures.PASSWORD);
        return driver;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.smartketing.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightTiles;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.support.CsvRows;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The dashboard in a real browser: a manager opens it, filters by a campaign, drills from a tile to
 * the rows behind it by keyboard, downloads the CSV and reads it back; an admin changes a weight and
 * the score shows it; at 390 px the dashboard is no wider than the screen.
 */
@IntegrationTest
class InsightsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    InsightTiles tiles;

    @Autowired
    SmartketingScores scores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    WebDriver browser;
    Person manager;
    Person admin;
    String campaign;
    String campaignName;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @BeforeEach
    void aCampaignWithLeads() throws Exception {
        admin = fixtures.aPerson(AppRole.ADMIN);
        manager = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        String token = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
        campaignName = "Insights webinar " + System.nanoTime();
        MvcResult created = api(token, "/api/v1/campaigns", "{\"name\": \"" + campaignName
                + "\", \"channel\": \"webinar\", \"budget\": 1000, \"currency\": \"EUR\"}");
        campaign = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        // four MQLs: one becomes an SQL, two are rejected (MQL→SQL 25 %, rejection rate 50 %)
        for (int i = 0; i < 4; i++) {
            String lead = json.readTree(api(token, "/api/v1/leads", "{\"email\": \"insights." + System.nanoTime()
                    + "@example.com\", \"source\": \"webinar\", \"campaignId\": \"" + campaign + "\"}")
                    .getResponse().getContentAsString()).get("id").asString();
            api(token, "/api/v1/leads/" + lead + "/transitions", "{\"to\": \"MQL\"}");
            if (i == 0) {
                api(token, "/api/v1/leads/" + lead + "/transitions", "{\"to\": \"SAL\"}");
                api(token, "/api/v1/leads/" + lead + "/transitions", "{\"to\": \"SQL\"}");
            }
            else if (i < 3) {
                api(token, "/api/v1/leads/" + lead + "/transitions", "{\"to\": \"REJECTED\", \"reason\": \"No budget\"}");
            }
        }
        await("the rollups took the campaign's stage changes in").atMost(Duration.ofSeconds(20))
                .until(() -> tiles.measures(filter()).rejectionRate() != null
                        && tiles.measures(filter()).mqlToSqlConversion() != null);
    }

    @AfterEach
    void quitAndDefaultWeights() {
        if (browser != null) {
            browser.quit();
        }
        jdbc.sql("DELETE FROM insight_score_weight").update();
    }

    @Test
    void aManagerFiltersByCampaignDrillsToTheRowsDownloadsTheCsvAndAnAdminsWeightShowsInTheScore() throws Exception {
        browser = Browsers.open();
        Browsers.signIn(browser, url("/login"), manager.email(), Fixtures.PASSWORD);
        Browsers.menu(browser, "funnel", "Insights");
        assertThat(Browsers.text(browser, "h1")).isEqualTo("Is your business smart-keting?");
        assertThat(Browsers.text(browser, "#fresh")).startsWith("As of");

        new Select(browser.findElement(By.name("campaign"))).selectByVisibleText(campaignName);
        clickAndLoad(browser, "#apply-filter");
        assertThat(browser.getCurrentUrl()).contains("campaign=" + campaign);
        String before = Browsers.text(browser, "#score-value");
        assertThat(before).isEqualTo(expectedScore());
        assertThat(browser.findElements(By.cssSelector("#tile-funnel canvas"))).as("the chart is drawn").isNotEmpty();
        Browsers.screenshot(browser, "70-insights-dashboard");

        // from the rejections tile to its rows, by keyboard
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("#tile-rejections a.table-link")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        assertThat(browser.getCurrentUrl()).contains("/insights/rejections", "campaign=" + campaign);
        List<String> header = browser.findElements(By.cssSelector("#tile-table thead th")).stream().map(WebElement::getText).toList();
        List<WebElement> rows = browser.findElements(By.cssSelector("#tile-table tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(Browsers.text(browser, "#tile-table")).contains("No budget");
        Browsers.screenshot(browser, "71-insights-rejections-rows");

        String csv = download(browser.findElement(By.id("csv")).getAttribute("href"));
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> parsed = CsvRows.parse(csv.substring(1));
        assertThat(parsed.get(0)).isEqualTo(header);
        assertThat(parsed).hasSize(rows.size() + 1);
        assertThat(parsed.stream().flatMap(List::stream)).contains("No budget");

        WebDriver adminBrowser = Browsers.open();
        try {
            Browsers.signIn(adminBrowser, url("/login"), admin.email(), Fixtures.PASSWORD);
            adminBrowser.get(url("/insights?campaign=" + campaign));
            clickAndLoad(adminBrowser, "#change-weights");
            set(adminBrowser, "weight-mql-to-sql", "25");
            set(adminBrowser, "weight-rejections", "5");
            clickAndLoad(adminBrowser, "#save-weights");
            assertThat(Browsers.text(adminBrowser, "#form-errors")).contains("Weights: must add up to 100 (they add up to 105)");
            set(adminBrowser, "weight-cross-training", "0");
            clickAndLoad(adminBrowser, "#save-weights");
            assertThat(Browsers.text(adminBrowser, ".flash")).contains("weights are saved");
            assertThat(Browsers.text(adminBrowser, "#weight-changes")).contains("MQL to SQL conversion: weight 15 → 25",
                    admin.email());
        }
        finally {
            adminBrowser.quit();
        }

        browser.get(url("/insights?campaign=" + campaign));
        String after = Browsers.text(browser, "#score-value");
        assertThat(after).isEqualTo(expectedScore()).isNotEqualTo(before);
        assertThat(Browsers.text(browser, "#score-components tr[data-component=mql-to-sql] .weight")).startsWith("25");
    }

    @Test
    void theDashboardFitsA390PixelScreen() {
        browser = Browsers.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.signIn(browser, url("/login"), manager.email(), Fixtures.PASSWORD);
        browser.get(url("/insights?campaign=" + campaign));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(content).as("the page scrolls sideways: " + js.executeScript(WIDEST)).isLessThanOrEqualTo(width);
        assertThat(browser.findElement(By.id("score-value")).isDisplayed()).isTrue();
        Browsers.screenshot(browser, "72-insights-dashboard-390px");
        browser.get(url("/insights/funnel?campaign=" + campaign));
        long drill = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(drill).as("the rows page scrolls only its table: " + js.executeScript(WIDEST)).isLessThanOrEqualTo(width);
    }

    /** The elements that reach past the screen's right edge, for the failure message. */
    static final String WIDEST = "return [...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll')"
            + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className"
            + " + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')";

    private InsightFilter filter() {
        return InsightFilter.parse(Map.of("campaign", campaign), manager.zone(), clock);
    }

    private String expectedScore() {
        Double score = scores.score(filter()).score().score();
        return score == null ? "no data" : new ScoreTexts(Locale.ENGLISH).number(score, 1);
    }

    private static void set(WebDriver browser, String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String download(String href) throws Exception {
        String session = browser.manage().getCookieNamed("SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private MvcResult api(String token, String path, String body) throws Exception {
        MvcResult result = mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + " " + result.getResponse().getContentAsString()).isBetween(200, 201);
        return result;
    }

    private static void clickAndLoad(WebDriver in, String css) {
        WebElement page = in.findElement(By.tagName("html"));
        in.findElement(By.cssSelector(css)).click();
        new WebDriverWait(in, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

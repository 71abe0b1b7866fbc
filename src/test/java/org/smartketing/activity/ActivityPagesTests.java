package org.smartketing.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The activities page: logging by hand in one's own time zone, field errors, filters and paging. */
@IntegrationTest
class ActivityPagesTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityLog log;

    @Autowired
    ActivityCounts counts;

    @Autowired
    Clock clock;

    Person rep;

    @BeforeEach
    void aRepInBerlin() {
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        assertThat(rep.zone()).isEqualTo(BERLIN);
    }

    @Test
    void logsAnActivityAtTheTimeGivenInTheViewersZone() throws Exception {
        MvcResult result = mvc.perform(post("/activities").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("type", "DEMO").param("occurredAt", "2025-01-11T00:30").param("outcome", "Went well"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/activities");
        assertThat((String) result.getFlashMap().get("flash")).contains("Logged: Demo, 11 Jan 2025, 00:30 Europe/Berlin");
        Instant utc = Instant.parse("2025-01-10T23:30:00Z");
        assertThat(counts.count(ActivityType.DEMO, rep.id(), utc, utc.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void offersTheFormWithNowInTheViewersZoneAndOnlyTypesLoggedByHand() throws Exception {
        String page = page("/activities");
        String now = LocalDateTime.ofInstant(clock.instant(), BERLIN).truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(page).contains("type=\"datetime-local\"", "value=\"" + now.substring(0, 13))
                .contains("<optgroup label=\"Sales\">", "<optgroup label=\"Marketing\">", "(Europe/Berlin)")
                .contains("value=\"CALL\"", "value=\"WEBINAR\"");
        String form = page.substring(page.indexOf("method=\"post\""), page.indexOf("</form>", page.indexOf("method=\"post\"")));
        assertThat(form).doesNotContain("STAGE_CHANGE");
    }

    @Test
    void showsFieldErrorsNextToTheFieldsAndStoresNothing() throws Exception {
        MvcResult result = mvc.perform(post("/activities").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("type", "").param("occurredAt", "").param("outcome", "<script>x</script>" + "o".repeat(500)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains("type-error", "choose what you did")
                .contains("occurredAt-error", "must be a date and time")
                .contains("outcome-error", "must not contain markup", "size must be between 0 and 500")
                .doesNotContain("<script>x</script>");
        assertThat(counts.count(ActivityType.CALL, rep.id(), null, null)).isZero();
    }

    @Test
    void explainsAnUnreadableTimeInWords() throws Exception {
        MvcResult result = mvc.perform(post("/activities").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("type", "CALL").param("occurredAt", "last tuesday")).andReturn();

        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains("occurredAt-error", "must be a date and time such as 2026-03-31 14:30")
                .doesNotContain("java.time");
        assertThat(counts.count(ActivityType.CALL, rep.id(), null, null)).isZero();
    }

    @Test
    void refusesATimeMoreThanADayAheadOnTheField() throws Exception {
        String inTwoDays = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(2)), BERLIN)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        MvcResult result = mvc.perform(post("/activities").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("type", "CALL").param("occurredAt", inTwoDays).param("outcome", "Planned")).andReturn();

        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("occurredAt-error",
                "must not be more than a day in the future", "value=\"" + inTwoDays + "\"", "Planned");
        assertThat(counts.count(ActivityType.CALL, rep.id(), null, null)).isZero();
    }

    @Test
    void refusesAStageChangeLoggedByHand() throws Exception {
        MvcResult result = mvc.perform(post("/activities").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("type", "STAGE_CHANGE").param("occurredAt", "2025-01-11T10:00")).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("type-error", "not logged by hand");
        assertThat(counts.count(ActivityType.STAGE_CHANGE, rep.id(), null, null)).isZero();
    }

    @Test
    void filtersByWholeDaysInTheViewersZone() throws Exception {
        // 23:30 UTC on the 10th is 00:30 on the 11th in Berlin.
        logCall(Instant.parse("2025-01-10T23:30:00Z"), "just after midnight");
        logCall(Instant.parse("2025-01-10T22:30:00Z"), "just before midnight");
        logCall(Instant.parse("2025-01-11T22:59:00Z"), "late on the 11th");

        String page = page("/activities?personId=" + rep.id() + "&from=2025-01-11&to=2025-01-11");
        assertThat(page).contains("just after midnight", "late on the 11th", "11 Jan 2025, 00:30 Europe/Berlin")
                .doesNotContain("just before midnight");
        assertThat(page("/activities?personId=" + rep.id() + "&to=2025-01-10")).contains("just before midnight")
                .doesNotContain("just after midnight");
        assertThat(page("/activities?personId=" + rep.id() + "&type=DEMO")).contains("Nothing matches")
                .doesNotContain("midnight");
    }

    @Test
    void pagesThroughKeepingTheFilters() throws Exception {
        Instant start = Instant.parse("2024-05-01T08:00:00Z");
        for (int i = 0; i < 27; i++) {
            logCall(start.plus(Duration.ofHours(i)), "call number " + i);
        }
        String first = page("/activities?personId=" + rep.id());
        assertThat(first).contains("1–25 of 27", "call number 26", "personId=" + rep.id() + "&amp;page=1")
                .doesNotContain("call number 1<");
        String second = page("/activities?personId=" + rep.id() + "&page=1");
        assertThat(second).contains("26–27 of 27", "call number 1<", "call number 0<");
    }

    @Test
    void linksTheActivitiesPageFromTheNavigation() throws Exception {
        assertThat(page("/")).contains("href=\"/activities\"");
    }

    private void logCall(Instant at, String outcome) {
        log.log(new NewActivity(ActivityType.CALL, rep.id(), at, outcome, null, null, ActivitySource.MANUAL));
    }

    private String page(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(user(Fixtures.signedIn(rep)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}

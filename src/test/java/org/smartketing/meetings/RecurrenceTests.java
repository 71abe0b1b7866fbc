package org.smartketing.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.meetings.planning.Recurrence;
import org.smartketing.shared.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FREQ=WEEKLY;COUNT=12;BYDAY=TU | Weekly on Tuesday, 12 times",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270301T225959Z | Every 2 weeks on Monday and Thursday, until 1 Mar 2027",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR | Weekly on Monday, Wednesday and Friday",
            "FREQ=MONTHLY;BYDAY=1TU;COUNT=1 | Monthly on Tuesday, once",
            "FREQ=DAILY;UNTIL=20270301 | Daily, until 1 Mar 2027",
            "FREQ=SECONDLY | Repeating",
            "'' | A single meeting" })
    void saysARuleInWords(String rrule, String words) {
        assertThat(Recurrence.inWords(rrule)).isEqualTo(words);
    }

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aWeeklyMeetingStaysAtNineLocalTimeAcrossTheSpringDaylightSavingChange() {
        // Europe moves its clocks on 28 March 2027: 09:00 is 08:00 UTC before and 07:00 UTC after.
        LocalDateTime first = LocalDateTime.of(2027, 3, 18, 9, 0);
        List<ZonedDateTime> starts = Recurrence.expand(first, BERLIN, "FREQ=WEEKLY;BYDAY=TH;COUNT=4");

        assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
        assertThat(starts).extracting(z -> z.toInstant().toString()).containsExactly("2027-03-18T08:00:00Z",
                "2027-03-25T08:00:00Z", "2027-04-01T07:00:00Z", "2027-04-08T07:00:00Z");
    }

    @Test
    void everyTwoWeeksAcrossTheAutumnChangeInNewYork() {
        // The US falls back on 7 November 2027.
        List<ZonedDateTime> starts = Recurrence.expand(LocalDateTime.of(2027, 10, 25, 16, 30), NEW_YORK,
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3");

        assertThat(starts).extracting(z -> z.toInstant().toString()).containsExactly("2027-10-25T20:30:00Z",
                "2027-11-08T21:30:00Z", "2027-11-22T21:30:00Z");
    }

    @Test
    void theFormBuildsMonthlyRulesByWeekdayAndByDate() {
        LocalDateTime secondTuesday = LocalDateTime.of(2027, 1, 12, 10, 0);
        String byWeekday = Recurrence.of(Recurrence.Pattern.MONTHLY_BY_WEEKDAY, 1, secondTuesday, BERLIN, 3, null);
        String byDate = Recurrence.of(Recurrence.Pattern.MONTHLY_BY_DATE, 1, secondTuesday, BERLIN, 3, null);

        assertThat(byWeekday).isEqualTo("FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU;COUNT=3");
        assertThat(Recurrence.expand(secondTuesday, BERLIN, byWeekday)).extracting(ZonedDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 3, 9));
        assertThat(Recurrence.expand(secondTuesday, BERLIN, byDate)).extracting(ZonedDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 12), LocalDate.of(2027, 3, 12));
    }

    @Test
    void untilIncludesTheWholeLastDayInTheSeriesZone() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 4, 18, 0);
        String rule = Recurrence.of(Recurrence.Pattern.WEEKLY, 1, first, BERLIN, null, LocalDate.of(2027, 1, 18));

        assertThat(Recurrence.expand(first, BERLIN, Recurrence.checked(rule, first, BERLIN))).hasSize(3);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "FREQ=WEEKLY;BYDAY=TH                  | never ends",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=3          | not a valid RFC 5545 rule",
        "FREQ=SOMETIMES;COUNT=3                | not a valid RFC 5545 rule",
        "BYDAY=TH;COUNT=3                      | not a valid RFC 5545 rule",
        "FREQ=DAILY;COUNT=3                    | must repeat WEEKLY or MONTHLY",
        "FREQ=WEEKLY;COUNT=500                 | COUNT may be at most 200",
        "FREQ=WEEKLY;UNTIL=20991231T000000Z    | more than 200 meetings",
        "FREQ=WEEKLY;UNTIL=20200101T000000Z    | gives no meeting",
        "hello                                 | not a valid RFC 5545 rule" })
    void refusesARuleThatNeverEndsOrIsMalformedNamingTheField(String rule, String message) {
        assertThatThrownBy(() -> Recurrence.checked(rule, LocalDateTime.of(2027, 1, 7, 9, 0), BERLIN))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining(message)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("rrule");
    }
}

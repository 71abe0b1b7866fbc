package org.smartketing.goals.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.goals.plan.Assumption;
import org.smartketing.goals.plan.Per;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pace and forecast as a table. The plan: 10 demos a week for eight weeks, Monday 2 March to
 * Sunday 26 April 2026 (80 in all), in Berlin unless a row says otherwise; Berlin moves its clocks
 * forward in the night to Sunday 29 March, Los Angeles on 8 March.
 */
class PaceTableTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    static final LocalDate LAST = LocalDate.of(2026, 4, 26);

    record Row(LocalDate first, LocalDate last, Per per, double target, ZoneId zone, Instant now, double actual,
            double plannedToDate, Status status, Double forecast) {
    }

    static Row weekly(Instant now, double actual, double planned, Status status, Double forecast) {
        return new Row(FIRST, LAST, Per.WEEK, 10, BERLIN, now, actual, planned, status, forecast);
    }

    static Stream<Arguments> rows() {
        Instant afterTwoWeeks = Instant.parse("2026-03-15T23:00:00Z"); // Monday 16 March, 00:00 in Berlin
        return Stream.of(
                Arguments.of("zero progress after two weeks: off track, forecast nothing",
                        weekly(afterTwoWeeks, 0, 20, Status.OFF_TRACK, 0.0)),
                Arguments.of("ahead of plan: 25 where 20 were due, on track for 100",
                        weekly(afterTwoWeeks, 25, 20, Status.ON_TRACK, 100.0)),
                Arguments.of("16 of 20: at risk, 64 at this pace",
                        weekly(afterTwoWeeks, 16, 20, Status.AT_RISK, 64.0)),
                Arguments.of("19 of 20 is still on track (95 %)",
                        weekly(afterTwoWeeks, 19, 20, Status.ON_TRACK, 76.0)),
                Arguments.of("a week not over yet counts nothing of its plan",
                        weekly(Instant.parse("2026-03-15T22:59:00Z"), 12, 10, Status.ON_TRACK, null) /* forecast below */),
                Arguments.of("over target once the period is over: the forecast is the actual",
                        weekly(Instant.parse("2026-04-27T08:00:00Z"), 95, 80, Status.ON_TRACK, 95.0)),
                Arguments.of("the week across the DST change ends at Monday midnight in Berlin (22:00 UTC)",
                        weekly(Instant.parse("2026-03-29T22:30:00Z"), 40, 40, Status.ON_TRACK, null)),
                Arguments.of("half an hour before that Monday midnight the DST week is not over",
                        weekly(Instant.parse("2026-03-29T21:30:00Z"), 30, 30, Status.ON_TRACK, null)),
                Arguments.of("the period ends at midnight in the team's zone: in Los Angeles 26 April is not over at 03:00 UTC",
                        new Row(FIRST, LAST, Per.WEEK, 10, LOS_ANGELES, Instant.parse("2026-04-27T03:00:00Z"), 70, 70,
                                Status.ON_TRACK, null)),
                Arguments.of("nothing is due in the first week",
                        weekly(Instant.parse("2026-03-04T12:00:00Z"), 3, 0, Status.NOT_DUE, null)),
                Arguments.of("added mid-period (Wednesday 18 March): its first week plans 5/7 of ten",
                        new Row(LocalDate.of(2026, 3, 18), LAST, Per.WEEK, 10, BERLIN,
                                Instant.parse("2026-03-29T22:30:00Z"), 17, 10 * 5 / 7.0 + 10, Status.ON_TRACK, null)),
                Arguments.of("dropped after two weeks (counted to Sunday 15 March): the plan stops there",
                        new Row(FIRST, LocalDate.of(2026, 3, 15), Per.WEEK, 10, BERLIN,
                                Instant.parse("2026-04-27T08:00:00Z"), 18, 20, Status.AT_RISK, 18.0)),
                Arguments.of("20 a month: March counts 30 of its 31 days once it is over in Berlin",
                        new Row(FIRST, LAST, Per.MONTH, 20, BERLIN, Instant.parse("2026-03-31T22:30:00Z"), 19,
                                20 * 30 / 31.0, Status.ON_TRACK, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void paceAgainstThePlanToDate(String name, Row row) {
        Pace pace = Pace.of(row.first(), row.last(), row.per(), row.target(), row.zone(), row.now(), row.actual());
        assertThat(pace.plannedToDate()).as("planned to date").isCloseTo(row.plannedToDate(), within(1e-9));
        assertThat(pace.status()).as("status").isEqualTo(row.status());
        if (row.forecast() != null) {
            assertThat(pace.forecast()).as("forecast").isCloseTo(row.forecast(), within(1e-9));
        }
    }

    @Test
    void theForecastGoesOnAtThePaceSoFarInLocalTimeAcrossTheDstChange() {
        // Four weeks and a day (29 local days, one of them 23 hours long) of 56: 29 demos → 56 at this pace.
        Pace pace = Pace.of(FIRST, LAST, Per.WEEK, 10, BERLIN, Instant.parse("2026-03-30T22:00:00Z"), 29);
        assertThat(pace.forecast()).isCloseTo(56.0, within(1e-9));
        assertThat(pace.countTo()).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
        assertThat(pace.countFrom()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void aPlanOfNoDaysIsNeverDue() {
        Pace pace = Pace.of(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 15), Per.WEEK, 10, BERLIN,
                Instant.parse("2026-04-27T08:00:00Z"), 0);
        assertThat(pace.status()).isEqualTo(Status.NOT_DUE);
        assertThat(pace.plannedTotal()).isZero();
    }

    @Test
    void anAssumptionIsNamedDriftingWhenItsObservedConversionFallsBelowThreeQuartersOfTheAssumedOne() {
        Assumption tenDemosTwoCustomers = new Assumption(10, java.math.BigDecimal.valueOf(2));
        assertThat(Conversion.of(tenDemosTwoCustomers, 6, 1).verdict()).isEqualTo(Conversion.Verdict.TOO_EARLY);
        assertThat(Conversion.of(tenDemosTwoCustomers, 40, 8).verdict()).isEqualTo(Conversion.Verdict.HOLDING);
        assertThat(Conversion.of(tenDemosTwoCustomers, 40, 5)).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Conversion.Verdict.DRIFTING);
            assertThat(c.observed()).isEqualTo(0.125);
            assertThat(c.assumed()).isEqualTo(0.2);
        });
        assertThat(Conversion.of(tenDemosTwoCustomers, 40, 12).verdict()).isEqualTo(Conversion.Verdict.BETTER);
    }
}

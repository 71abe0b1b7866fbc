package org.smartketing.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void interpolatesBetweenClosestRanksAsPercentileIncDoes() {
        List<Integer> oneToTen = List.of(7, 1, 10, 3, 2, 9, 4, 6, 5, 8);

        assertThat(Percentiles.of(oneToTen, 0.9)).hasValue(9.1);
        assertThat(Percentiles.median(oneToTen)).hasValue(5.5);
        assertThat(Percentiles.of(oneToTen, 0)).hasValue(1);
        assertThat(Percentiles.of(oneToTen, 1)).hasValue(10);
    }

    @Test
    void theMedianOfAnOddCountIsItsMiddleValue() {
        assertThat(Percentiles.median(List.of(3.0, 1.0, 2.0))).hasValue(2.0);
        assertThat(Percentiles.of(List.of(42L), 0.9)).hasValue(42);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(Percentiles.median(List.of())).isEmpty();
    }

    @Test
    void refusesAPercentileOutsideZeroToOne() {
        assertThatThrownBy(() -> Percentiles.of(List.of(1), 90)).isInstanceOf(IllegalArgumentException.class);
    }
}

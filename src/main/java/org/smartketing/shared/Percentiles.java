package org.smartketing.shared;

import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The one percentile definition every figure uses: linear interpolation between closest ranks,
 * as spreadsheets' PERCENTILE.INC and PostgreSQL's {@code percentile_cont} do, so the median of an
 * even count is the mean of the middle two and p90 of 1..10 is 9.1.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 ≤ p ≤ 1) of values in any order; empty for no values. */
    public static OptionalDouble of(Collection<? extends Number> values, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a percentile is between 0 and 1, not " + p);
        }
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        double rank = (sorted.size() - 1) * p;
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        return OptionalDouble.of(sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower)));
    }

    public static OptionalDouble median(Collection<? extends Number> values) {
        return of(values, 0.5);
    }
}

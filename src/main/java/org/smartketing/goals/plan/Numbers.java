package org.smartketing.goals.plan;

import java.math.BigDecimal;

/** Numbers as people wrote them: 40, 2.5, never 40.00 or 4E+1, so equal values compare equal. */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

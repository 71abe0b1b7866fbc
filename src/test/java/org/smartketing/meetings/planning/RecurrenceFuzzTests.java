package org.smartketing.meetings.planning;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.smartketing.shared.InvalidFieldException;

/**
 * Any recurrence rule and zone a client sends is either taken or refused as a field error;
 * nothing else escapes (an exception here would be a 500). Regression inputs in
 * src/test/resources/org/smartketing/meetings/planning/RecurrenceFuzzTestsInputs.
 */
class RecurrenceFuzzTests {

    @FuzzTest(maxDuration = "20s")
    void anyRuleIsTakenOrRefusedAsAFieldError(FuzzedDataProvider data) {
        LocalDateTime start = LocalDateTime.of(2026, 1 + data.consumeInt(0, 11), 1 + data.consumeInt(0, 27),
                data.consumeInt(0, 23), data.consumeInt(0, 59));
        ZoneId zone = ZoneId.of(data.pickValue(ZoneId.getAvailableZoneIds().stream().sorted().toList()));
        String rule = data.consumeRemainingAsString();
        try {
            String checked = Recurrence.checked(rule, start, zone);
            if (checked != null) {
                Recurrence.expand(start, zone, checked);
            }
        }
        catch (InvalidFieldException refused) {
            // a clear answer naming the field
        }
    }
}

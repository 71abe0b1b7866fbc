package org.smartketing.comms.reach;

import java.util.List;

/**
 * Communication expectations as a person states them (API body and page form alike); checked by
 * {@link ReachEditing}, which names the field at fault.
 *
 * @param urgent     channels in order and the response time for urgent messages
 * @param normal     the same for normal messages
 * @param fyi        the same for FYI messages
 * @param quietHours quiet hours in the person's zone, or {@code null} for none
 */
public record ExpectationsInput(UrgencyInput urgent, UrgencyInput normal, UrgencyInput fyi,
        QuietHoursInput quietHours) {

    /** @param channels e.g. {@code ["SMS", "EMAIL"]}; @param responseMinutes from 5 to 20160 (14 days) */
    public record UrgencyInput(List<String> channels, Integer responseMinutes) {
    }

    /** @param from {@code HH:mm}; @param until {@code HH:mm}, before {@code from} to wrap midnight */
    public record QuietHoursInput(String from, String until) {
    }
}

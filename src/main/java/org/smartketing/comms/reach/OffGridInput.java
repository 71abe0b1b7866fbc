package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new off-grid period.
 *
 * @param from       when it starts
 * @param until      when it ends (after {@code from})
 * @param delegateId who takes messages meanwhile: an enabled person other than the one going off-grid, or {@code null}
 * @param urgent     channels that still reach the person for urgent messages (e.g. {@code ["SMS"]}); empty = delegate
 * @param normal     the same for normal messages
 * @param fyi        the same for FYI messages
 * @param note       optional, e.g. "Hiking, no signal"
 */
public record OffGridInput(Instant from, Instant until, UUID delegateId, List<String> urgent, List<String> normal,
        List<String> fyi, String note) {
}

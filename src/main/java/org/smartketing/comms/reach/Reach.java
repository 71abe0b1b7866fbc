package org.smartketing.comms.reach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;

/**
 * How one person can be reached at one moment: what the router plans from. Built by
 * {@link ReachBook}; the messages package only reads it.
 *
 * @param person            who (zone, working hours, manager)
 * @param expectations      for every urgency: channels in order and the promised response time
 * @param quietHours        hours in the person's zone when only what they allow gets through, or {@code null}
 * @param offGrid           the off-grid period covering the moment, if any
 * @param verifiedAddresses the address of every channel that may be used now (EMAIL always; SMS,
 *                          VOICE and CHAT only once verified; IN_APP is the person id)
 * @param confirmed         whether the person confirmed their expectations (else defaults apply)
 */
public record Reach(PersonSummary person, Map<Urgency, Expectation> expectations, QuietHours quietHours,
        Optional<OffGrid> offGrid, Map<Channel, String> verifiedAddresses, boolean confirmed) {

    /** Channels to use in order, and how soon the person promised to respond. */
    public record Expectation(List<Channel> channels, Duration responseTime) {
    }

    /** Quiet hours in the person's zone; {@code from} after {@code until} wraps midnight (22:00–07:00). */
    public record QuietHours(LocalTime from, LocalTime until) {
    }

    /**
     * An off-grid period.
     *
     * @param delegate    who takes the person's messages meanwhile, or {@code null}
     * @param stillReach  per urgency, the channels that still reach the person (e.g. URGENT → [SMS]);
     *                    an urgency not present goes to the delegate
     */
    public record OffGrid(Instant from, Instant until, PersonId delegate, Map<Urgency, List<Channel>> stillReach) {
    }
}

package org.smartketing.comms.reach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.WorkingHours;

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

    /** A person's working hours and quiet hours never leave a gap this long without a start. */
    private static final int DAYS_LOOKED_AHEAD = 15;

    /** Channels to use in order, and how soon the person promised to respond. */
    public record Expectation(List<Channel> channels, Duration responseTime) {
    }

    /** Quiet hours in the person's zone; {@code from} after {@code until} wraps midnight (22:00–07:00). */
    public record QuietHours(LocalTime from, LocalTime until) {

        /** From inclusive, until exclusive; equal ends mean no quiet hours at all. */
        public boolean includes(LocalTime time) {
            if (from.equals(until)) {
                return false;
            }
            if (from.isBefore(until)) {
                return !time.isBefore(from) && time.isBefore(until);
            }
            return !time.isBefore(from) || time.isBefore(until);
        }

        /** When the quiet hours that include {@code local} end. */
        ZonedDateTime endAfter(ZonedDateTime local) {
            LocalDate day = local.toLocalDate();
            if (from.isAfter(until) && !local.toLocalTime().isBefore(from)) {
                day = day.plusDays(1);
            }
            return ZonedDateTime.of(day, until, local.getZone());
        }

        @Override
        public String toString() {
            return from + "–" + until;
        }
    }

    /**
     * An off-grid period.
     *
     * @param delegate    who takes the person's messages meanwhile, or {@code null}
     * @param stillReach  per urgency, the channels that still reach the person (e.g. URGENT → [SMS]);
     *                    an urgency not present goes to the delegate
     */
    public record OffGrid(Instant from, Instant until, PersonId delegate, Map<Urgency, List<Channel>> stillReach) {

        /** The channels that still reach the person for that urgency; empty means "go to the delegate". */
        public List<Channel> channelsFor(Urgency urgency) {
            return stillReach.getOrDefault(urgency, List.of());
        }

        public boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    public Expectation expectation(Urgency urgency) {
        return expectations.get(urgency);
    }

    /** The verified address of that channel, empty when it may not be used. */
    public Optional<String> address(Channel channel) {
        return Optional.ofNullable(verifiedAddresses.get(channel));
    }

    public boolean canUse(Channel channel) {
        return verifiedAddresses.containsKey(channel);
    }

    public boolean isOffGrid() {
        return offGrid.isPresent();
    }

    /** Whether {@code at} falls in the person's working hours, in their zone (quiet hours not considered). */
    public boolean withinWorkingHours(Instant at) {
        return person.workingHours().includes(at.atZone(person.zone()));
    }

    /** Whether {@code at} falls in the person's quiet hours, in their zone. */
    public boolean inQuietHours(Instant at) {
        return quietHours != null && quietHours.includes(at.atZone(person.zone()).toLocalTime());
    }

    /**
     * The first moment at or after {@code at} that is within working hours and outside quiet hours:
     * when a held FYI message goes out. {@code at} itself when it already is such a moment.
     */
    public Instant nextWorkingStart(Instant at) {
        ZoneId zone = person.zone();
        WorkingHours hours = person.workingHours();
        LocalDate firstDay = at.atZone(zone).toLocalDate();
        for (int i = 0; i < DAYS_LOOKED_AHEAD; i++) {
            LocalDate day = firstDay.plusDays(i);
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime end = ZonedDateTime.of(day, hours.end(), zone);
            ZonedDateTime candidate = ZonedDateTime.of(day, hours.start(), zone);
            if (candidate.toInstant().isBefore(at)) {
                candidate = at.atZone(zone);
            }
            while (candidate.isBefore(end) && quietHours != null && quietHours.includes(candidate.toLocalTime())) {
                candidate = quietHours.endAfter(candidate);
            }
            if (candidate.isBefore(end)) {
                return candidate.toInstant();
            }
        }
        // Quiet hours cover every working hour: fall back to working hours alone.
        return new Reach(person, expectations, null, offGrid, verifiedAddresses, confirmed).nextWorkingStart(at);
    }
}

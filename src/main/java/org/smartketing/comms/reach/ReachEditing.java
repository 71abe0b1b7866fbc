package org.smartketing.comms.reach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Text;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to expectations and off-grid periods: checked field by field, and every change audited. */
@Service
@Transactional
public class ReachEditing {

    static final int MIN_RESPONSE_MINUTES = 5;
    static final int MAX_RESPONSE_MINUTES = 14 * 24 * 60;
    static final Duration LONGEST_OFF_GRID = Duration.ofDays(366);

    /** What the audit log keeps of a person's expectations. */
    record AuditedExpectations(Map<Urgency, String> channels, Map<Urgency, Long> responseMinutes, String quietHours,
            boolean confirmed) {

        static AuditedExpectations of(Reach reach) {
            Map<Urgency, String> channels = new EnumMap<>(Urgency.class);
            Map<Urgency, Long> minutes = new EnumMap<>(Urgency.class);
            reach.expectations().forEach((u, e) -> {
                channels.put(u, ChannelLists.format(e.channels()));
                minutes.put(u, e.responseTime().toMinutes());
            });
            return new AuditedExpectations(channels, minutes,
                    reach.quietHours() == null ? null : reach.quietHours().toString(), reach.confirmed());
        }
    }

    private final StoredReachBook book;
    private final StoredExpectations expectations;
    private final OffGridPeriods offGrid;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    ReachEditing(StoredReachBook book, StoredExpectations expectations, OffGridPeriods offGrid,
            TeamDirectory directory, AuditLog audit, Clock clock) {
        this.book = book;
        this.expectations = expectations;
        this.offGrid = offGrid;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Replaces the person's expectations and marks them confirmed. */
    public Reach saveExpectations(PersonId person, ExpectationsInput input) {
        Reach before = reach(person);
        if (input == null) {
            throw new InvalidFieldException("urgent", "is required");
        }
        Map<Urgency, Reach.Expectation> checked = new EnumMap<>(Urgency.class);
        checked.put(Urgency.URGENT, expectation("urgent", input.urgent(), before));
        checked.put(Urgency.NORMAL, expectation("normal", input.normal(), before));
        checked.put(Urgency.FYI, expectation("fyi", input.fyi(), before));
        Reach.QuietHours quiet = quietHours(input.quietHours());
        expectations.save(new StoredExpectations.Confirmed(person, Map.copyOf(checked), quiet, clock.instant()));
        Reach after = reach(person);
        audit.record("person", person, before.confirmed() ? "expectations-changed" : "expectations-confirmed",
                AuditedExpectations.of(before), AuditedExpectations.of(after));
        return after;
    }

    public OffGridPeriods.Period addOffGrid(PersonId person, OffGridInput input) {
        Reach reach = reach(person);
        if (input == null || input.from() == null) {
            throw new InvalidFieldException("from", "is required");
        }
        if (input.until() == null) {
            throw new InvalidFieldException("until", "is required");
        }
        if (!input.from().isBefore(input.until())) {
            throw new InvalidFieldException("until", "must be after from");
        }
        if (!input.until().isAfter(clock.instant())) {
            throw new InvalidFieldException("until", "must be in the future");
        }
        if (Duration.between(input.from(), input.until()).compareTo(LONGEST_OFF_GRID) > 0) {
            throw new InvalidFieldException("until", "must be at most a year after from");
        }
        PersonId delegate = null;
        if (input.delegateId() != null) {
            delegate = new PersonId(input.delegateId());
            if (delegate.equals(person)) {
                throw new InvalidFieldException("delegateId", "must be someone other than the person going off-grid");
            }
            if (directory.person(delegate).filter(PersonSummary::enabled).isEmpty()) {
                throw new InvalidFieldException("delegateId", "is not an enabled person");
            }
        }
        Map<Urgency, List<Channel>> stillReach = new EnumMap<>(Urgency.class);
        stillReach.put(Urgency.URGENT, channels("urgent", input.urgent(), reach, true));
        stillReach.put(Urgency.NORMAL, channels("normal", input.normal(), reach, true));
        stillReach.put(Urgency.FYI, channels("fyi", input.fyi(), reach, true));
        String note = Text.blankToNull(input.note());
        if (note != null && note.length() > 200) {
            throw new InvalidFieldException("note", "must be at most 200 characters");
        }
        offGrid.overlapping(person, input.from(), input.until()).ifPresent(other -> {
            throw new InvalidFieldException("from", "overlaps the off-grid period from " + other.from() + " to "
                    + other.until());
        });
        // Stored to the microsecond as the databases keep it (they round), so the period is exactly what was asked.
        OffGridPeriods.Period period = new OffGridPeriods.Period(UUID.randomUUID(), person,
                input.from().truncatedTo(ChronoUnit.MICROS), input.until().truncatedTo(ChronoUnit.MICROS), delegate,
                Map.copyOf(stillReach), note);
        offGrid.add(period);
        audit.record("person", person, "off-grid-added", null, period);
        return period;
    }

    /** Removes one of the person's periods. */
    public void removeOffGrid(PersonId person, UUID periodId) {
        OffGridPeriods.Period period = offGrid.byId(periodId).filter(p -> p.person().equals(person))
                .orElseThrow(() -> new NotFoundException("Off-grid period"));
        offGrid.remove(periodId);
        audit.record("person", person, "off-grid-removed", period, null);
    }

    private Reach reach(PersonId person) {
        return book.reachOf(person, clock.instant()).orElseThrow(() -> new NotFoundException("Person"));
    }

    private Reach.Expectation expectation(String field, ExpectationsInput.UrgencyInput input, Reach reach) {
        if (input == null) {
            throw new InvalidFieldException(field, "is required");
        }
        List<Channel> channels = channels(field + ".channels", input.channels(), reach, false);
        Integer minutes = input.responseMinutes();
        if (minutes == null) {
            throw new InvalidFieldException(field + ".responseMinutes", "is required");
        }
        if (minutes < MIN_RESPONSE_MINUTES || minutes > MAX_RESPONSE_MINUTES) {
            throw new InvalidFieldException(field + ".responseMinutes", "must be between " + MIN_RESPONSE_MINUTES
                    + " minutes and " + MAX_RESPONSE_MINUTES + " minutes (14 days)");
        }
        return new Reach.Expectation(channels, Duration.ofMinutes(minutes));
    }

    /** Known, usable, each once; at least one unless {@code mayBeEmpty}. */
    private static List<Channel> channels(String field, List<String> names, Reach reach, boolean mayBeEmpty) {
        List<String> given = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
        if (given.isEmpty() && !mayBeEmpty) {
            throw new InvalidFieldException(field, "needs at least one channel");
        }
        Set<Channel> channels = new LinkedHashSet<>();
        for (String name : given) {
            Channel channel = ChannelLists.named(name);
            if (channel == null) {
                throw new InvalidFieldException(field, "has an unknown channel " + name + " (known: EMAIL, SMS, VOICE, "
                        + "CHAT, IN_APP)");
            }
            if (!reach.canUse(channel)) {
                throw new InvalidFieldException(field, channel + " is not verified for this person: "
                        + (channel == Channel.CHAT ? "add and verify a chat webhook first"
                                : "add and verify a mobile phone first"));
            }
            if (!channels.add(channel)) {
                throw new InvalidFieldException(field, "names " + channel + " twice");
            }
        }
        return List.copyOf(new ArrayList<>(channels));
    }

    private static Reach.QuietHours quietHours(ExpectationsInput.QuietHoursInput input) {
        if (input == null || (Text.blankToNull(input.from()) == null && Text.blankToNull(input.until()) == null)) {
            return null;
        }
        LocalTime from = time("quietHours.from", input.from());
        LocalTime until = time("quietHours.until", input.until());
        if (from.equals(until)) {
            throw new InvalidFieldException("quietHours.until", "must differ from the start of quiet hours");
        }
        return new Reach.QuietHours(from, until);
    }

    private static LocalTime time(String field, String text) {
        if (Text.blankToNull(text) == null) {
            throw new InvalidFieldException(field, "is required when the other end of quiet hours is given");
        }
        try {
            return LocalTime.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            throw new InvalidFieldException(field, "must be a time like 22:00");
        }
    }

    Instant now() {
        return clock.instant();
    }
}

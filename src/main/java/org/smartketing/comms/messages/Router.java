package org.smartketing.comms.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.reach.Reach;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;

/**
 * Turns a message's urgency and one recipient's reach at the moment of sending into a delivery
 * plan. The rules, in the order they are checked:
 * <ol>
 * <li><b>Off-grid</b>: URGENT and NORMAL go only through the channels the person still allows for
 * that urgency, then to their delegate (through the delegate's own channels for that urgency),
 * then to the last resort. FYI goes through an allowed channel in their working hours, else it is
 * held for the digest at the start of their first working hours after the period.</li>
 * <li><b>Quiet hours</b>: only URGENT gets through (all its channels, in order). NORMAL is held until
 * the quiet hours end and then follows the usual steps; FYI is held for the digest.</li>
 * <li><b>Outside working hours</b> (not quiet): URGENT goes now; NORMAL goes now on the first
 * channel, but its response time only starts counting at the start of the next working hours;
 * FYI is held for the digest at the start of the next working hours.</li>
 * <li><b>Within working hours</b>: the person's channels for the urgency, in order.</li>
 * </ol>
 * URGENT and NORMAL escalate: each step waits for the promised response time of the person it
 * reached, then the next step goes; after the recipient's channels (and their delegate's) comes
 * the last resort: the message's named last resort, else the recipient's manager, on their first
 * channel for the urgency. FYI is a single step and never escalates. A channel that is not verified
 * is skipped; when none of the asked-for channels can be used, email is.
 */
final class Router {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private Router() {
    }

    /**
     * @param reachOf    everyone else's reach at the same moment (delegate, last resort)
     * @param lastResort who is reached when nobody acknowledges, or {@code null} for the manager
     */
    static RecipientPlan plan(Reach reach, Urgency urgency, Instant now, Function<PersonId, Optional<Reach>> reachOf,
            PersonId lastResort) {
        PersonSummary person = reach.person();
        Duration promised = urgency == Urgency.FYI ? null : expectation(reach, urgency).responseTime();
        Optional<Reach.OffGrid> offGrid = reach.offGrid().filter(o -> o.covers(now));
        if (urgency == Urgency.FYI) {
            return new RecipientPlan(person, null, List.of(fyi(reach, offGrid, now)));
        }
        List<PlannedStep> steps = new ArrayList<>();
        if (offGrid.isPresent()) {
            Reach.OffGrid period = offGrid.get();
            String until = "off-grid until " + at(period.until(), person);
            List<Channel> allowed = period.channelsFor(urgency);
            for (Channel channel : allowed) {
                address(reach, channel).ifPresent(address -> steps.add(new PlannedStep(person, channel, address,
                        person.displayName() + " is " + until + " and still takes " + inWords(urgency) + " messages by " + label(channel),
                        responseTime(reach, urgency), null)));
            }
            Optional<Reach> delegate = Optional.ofNullable(period.delegate()).filter(d -> !d.equals(person.id()))
                    .flatMap(reachOf);
            delegate.ifPresent(d -> steps.addAll(ownChannels(d, urgency, person.displayName() + " is " + until
                    + (allowed.isEmpty() ? " (nothing " + inWords(urgency) + " gets through)" : "") + "; "
                    + d.person().displayName() + " is their delegate")));
        }
        else if (quiet(reach, now) && urgency == Urgency.NORMAL) {
            Instant end = quietEnd(reach, now);
            List<PlannedStep> own = ownChannels(reach, urgency, "within working hours");
            steps.add(own.get(0).heldUntil(end, "quiet hours (" + quietText(reach) + "): NORMAL waits until they end, "
                    + at(end, person) + "; then " + own.get(0).reason()));
            steps.addAll(own.subList(1, own.size()));
        }
        else if (quiet(reach, now)) {
            steps.addAll(ownChannels(reach, urgency, "quiet hours (" + quietText(reach) + "), but URGENT gets through"));
        }
        else if (!reach.withinWorkingHours(now)) {
            Instant start = reach.nextWorkingStart(now);
            List<PlannedStep> own = ownChannels(reach, urgency, "outside working hours");
            if (urgency == Urgency.NORMAL) {
                PlannedStep first = own.get(0);
                Duration untilStart = Duration.between(now, start);
                steps.add(new PlannedStep(person, first.channel(), first.address(), first.reason()
                        + "; sent now, the response time counts from " + at(start, person),
                        first.waitFor() == null ? null : first.waitFor().plus(untilStart), null));
                steps.addAll(own.subList(1, own.size()));
            }
            else {
                steps.addAll(own);
            }
        }
        else {
            steps.addAll(ownChannels(reach, urgency, "within working hours"));
        }
        PersonId last = lastResort != null ? lastResort : person.managerId();
        boolean reachedAlready = last == null || steps.stream().anyMatch(s -> s.person().id().equals(last));
        Optional<Reach> resort = reachedAlready ? Optional.empty() : reachOf.apply(last);
        if (resort.isPresent()) {
            PlannedStep first = ownChannels(resort.get(), urgency, "").get(0);
            String who = lastResort != null ? "the last resort named on the message" : person.displayName() + "'s manager";
            steps.add(new PlannedStep(first.person(), first.channel(), first.address(),
                    "nobody acknowledged in time; " + resort.get().person().displayName() + " is " + who
                            + " (their first " + inWords(urgency) + " channel)", null, null));
        }
        if (steps.isEmpty()) {
            // Off-grid, nothing allowed, no delegate and nobody above: the message must still land somewhere.
            steps.add(ownChannels(reach, urgency, "off-grid with no delegate and nobody to escalate to").get(0));
        }
        List<PlannedStep> withLastWait = new ArrayList<>(steps);
        int lastIndex = withLastWait.size() - 1;
        withLastWait.set(lastIndex, withLastWait.get(lastIndex).withWait(null));
        return new RecipientPlan(person, promised, List.copyOf(withLastWait));
    }

    private static PlannedStep fyi(Reach reach, Optional<Reach.OffGrid> offGrid, Instant now) {
        PersonSummary person = reach.person();
        boolean working = reach.withinWorkingHours(now) && !quiet(reach, now);
        if (offGrid.isPresent()) {
            Reach.OffGrid period = offGrid.get();
            List<Channel> allowed = period.channelsFor(Urgency.FYI);
            Optional<PlannedStep> through = allowed.stream().flatMap(c -> address(reach, c).map(a -> new PlannedStep(
                    person, c, a, "off-grid until " + at(period.until(), person) + ", but FYI by " + label(c)
                            + " still reaches them", null, null)).stream()).findFirst();
            if (through.isPresent() && working) {
                return through.get();
            }
            Instant back = reach.nextWorkingStart(period.until());
            return ownChannels(reach, Urgency.FYI, "").get(0).heldUntil(back, "FYI held: off-grid until "
                    + at(period.until(), person) + "; comes in their digest at " + at(back, person));
        }
        PlannedStep first = ownChannels(reach, Urgency.FYI, "within working hours").get(0);
        if (working) {
            return first;
        }
        Instant start = reach.nextWorkingStart(now);
        return first.heldUntil(start, "FYI held: " + (quiet(reach, now) ? "quiet hours" : "outside working hours")
                + "; comes in their digest at the start of their working hours, " + at(start, person));
    }

    /** The person's usable channels for the urgency, in their order; email when none can be used. */
    private static List<PlannedStep> ownChannels(Reach reach, Urgency urgency, String why) {
        PersonSummary person = reach.person();
        List<Channel> asked = expectation(reach, urgency).channels();
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Channel channel = asked.get(i);
            String position = inWords(urgency) + " channel " + (i + 1) + " of " + asked.size() + " for "
                    + person.displayName();
            address(reach, channel).ifPresent(address -> steps.add(new PlannedStep(person, channel, address,
                    why.isEmpty() ? position : why + ": " + position, responseTime(reach, urgency), null)));
        }
        if (steps.isEmpty()) {
            String email = Optional.ofNullable(reach.verifiedAddresses().get(Channel.EMAIL)).orElse(person.email());
            steps.add(new PlannedStep(person, Channel.EMAIL, email, (why.isEmpty() ? "" : why + ": ")
                    + "none of " + person.displayName() + "'s " + inWords(urgency) + " channels is verified, so email",
                    responseTime(reach, urgency), null));
        }
        return steps;
    }

    /** The reasons are read by people: "urgent channel 1 of 2", not the code. */
    private static String inWords(Urgency urgency) {
        return urgency == Urgency.FYI ? "FYI" : urgency.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Reach.Expectation expectation(Reach reach, Urgency urgency) {
        Reach.Expectation expectation = reach.expectation(urgency);
        return expectation != null ? expectation : new Reach.Expectation(List.of(Channel.EMAIL), Duration.ofHours(24));
    }

    private static Duration responseTime(Reach reach, Urgency urgency) {
        return urgency == Urgency.FYI ? null : expectation(reach, urgency).responseTime();
    }

    private static Optional<String> address(Reach reach, Channel channel) {
        return reach.address(channel);
    }

    private static boolean quiet(Reach reach, Instant at) {
        return reach.inQuietHours(at);
    }

    /** The first moment after {@code at} when the quiet hours end. */
    private static Instant quietEnd(Reach reach, Instant at) {
        Instant end = at;
        while (reach.inQuietHours(end)) {
            ZonedDateTime local = end.atZone(reach.person().zone());
            ZonedDateTime next = local.toLocalDate().atTime(reach.quietHours().until()).atZone(reach.person().zone());
            end = (next.isAfter(local) ? next : next.plusDays(1)).toInstant();
        }
        return end;
    }

    private static String quietText(Reach reach) {
        return reach.quietHours().from() + "–" + reach.quietHours().until();
    }

    private static String at(Instant instant, PersonSummary person) {
        return WHEN.format(instant.atZone(person.zone())) + " " + person.zone().getId();
    }

    static String label(Channel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case SMS -> "text";
            case VOICE -> "voice call";
            case CHAT -> "chat";
            case IN_APP -> "the in-app inbox";
        };
    }
}

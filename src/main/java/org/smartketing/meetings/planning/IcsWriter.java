package org.smartketing.meetings.planning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;

/**
 * Writes RFC 5545 calendars for a series: the master event with its RRULE and EXDATEs, one event
 * per occurrence moved on its own (with its RECURRENCE-ID), and the VTIMEZONE of the series' zone
 * as ical4j ships it (from tzurl.org), so calendar apps need no zone database of their own. We write
 * the text ourselves because ical4j's model would look zones up online; tests parse it back with ical4j.
 */
public final class IcsWriter {

    public static final String PRODID = "-//Smartketing//Meetings//EN";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    public enum Method {
        REQUEST, CANCEL
    }

    private final List<String> lines = new ArrayList<>();
    private final Set<ZoneId> zones = new LinkedHashSet<>();
    private final List<String> events = new ArrayList<>();
    private static final Map<ZoneId, List<String>> VTIMEZONES = new ConcurrentHashMap<>();
    private final Function<PersonId, Optional<PersonSummary>> people;
    private final Instant stamp;
    private final String baseUrl;

    public IcsWriter(Function<PersonId, Optional<PersonSummary>> people, Instant stamp, String baseUrl) {
        this.people = people;
        this.stamp = stamp;
        this.baseUrl = baseUrl;
    }

    /** The series as it stands: master, EXDATE for each cancelled occurrence, an event per moved one. */
    public IcsWriter series(Series s, List<Meeting> meetings) {
        boolean cancelled = s.cancelled();
        List<String> e = begin(s, cancelled ? "CANCELLED" : "CONFIRMED");
        firstStartAndRule(s, e);
        if (s.rrule() != null) {
            for (Meeting m : meetings) {
                if (m.status() == Meeting.Status.CANCELLED) {
                    e.add(at("EXDATE", m.recurrenceId().atZone(s.zone())));
                }
            }
        }
        end(e);
        if (s.rrule() != null && !cancelled) {
            for (Meeting m : meetings) {
                if (m.moved() && m.status() != Meeting.Status.CANCELLED) {
                    List<String> o = begin(s, "CONFIRMED");
                    o.add(at("RECURRENCE-ID", m.recurrenceId().atZone(s.zone())));
                    o.add(at("DTSTART", m.startsAt().atZone(s.zone())));
                    o.add(at("DTEND", m.endsAt().atZone(s.zone())));
                    end(o);
                }
            }
        }
        return this;
    }

    /** The cancellation of the whole series ({@code occurrence == null}) or of one occurrence. */
    public IcsWriter cancellation(Series s, Meeting occurrence) {
        List<String> e = begin(s, "CANCELLED");
        if (occurrence == null) {
            firstStartAndRule(s, e);
        }
        else {
            e.add(at("RECURRENCE-ID", occurrence.recurrenceId().atZone(s.zone())));
            e.add(at("DTSTART", occurrence.startsAt().atZone(s.zone())));
            e.add(at("DTEND", occurrence.endsAt().atZone(s.zone())));
        }
        end(e);
        return this;
    }

    public String write(Method method) {
        lines.add("BEGIN:VCALENDAR");
        lines.add("PRODID:" + PRODID);
        lines.add("VERSION:2.0");
        lines.add("CALSCALE:GREGORIAN");
        if (method != null) {
            lines.add("METHOD:" + method.name());
        }
        lines.add("X-WR-CALNAME:Smartketing meetings");
        zones.forEach(z -> lines.addAll(timezone(z)));
        lines.addAll(events);
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(fold(l)).append("\r\n"));
        return out.toString();
    }

    private List<String> begin(Series s, String status) {
        StringBuilder description = new StringBuilder();
        if (s.topic() != null) {
            description.append("Topic: ").append(s.topic()).append('\n');
        }
        if (s.endGoal() != null) {
            description.append("End goal: ").append(s.endGoal()).append('\n');
        }
        people.apply(s.sponsorId()).ifPresent(p -> description.append("Sponsor: ").append(p.displayName()).append('\n'));
        String url = baseUrl + "/meetings/series/" + s.id();
        description.append(url);
        List<String> roles = new ArrayList<>();
        for (PersonId id : s.everyone()) {
            roles.add(id.equals(s.sponsorId()) && !s.attendees().contains(id) ? "OPT-PARTICIPANT" : "REQ-PARTICIPANT");
        }
        return begin(s.icalUid(), s.sequence(), s.title(), description.toString(), url, status, s.organizerId(),
                List.copyOf(s.everyone()), roles, s.zone());
    }

    /**
     * One event that is no meeting of ours (a cross-training session): the same calendar text, its
     * own UID and SEQUENCE. {@code cancelled} writes it with STATUS:CANCELLED, for METHOD:CANCEL.
     */
    public IcsWriter single(String uid, int sequence, String title, String description, String path,
            ZonedDateTime start, ZonedDateTime end, PersonId organizer, List<PersonId> attendees, boolean cancelled) {
        String url = baseUrl + path;
        List<String> e = begin(uid, sequence, title, description == null ? url : description + "\n" + url, url,
                cancelled ? "CANCELLED" : "CONFIRMED", organizer, attendees,
                attendees.stream().map(a -> "REQ-PARTICIPANT").toList(), start.getZone());
        e.add(at("DTSTART", start));
        e.add(at("DTEND", end));
        end(e);
        return this;
    }

    private List<String> begin(String uid, int sequence, String title, String description, String url, String status,
            PersonId organizer, List<PersonId> attendees, List<String> roles, ZoneId zone) {
        List<String> e = new ArrayList<>();
        e.add("BEGIN:VEVENT");
        e.add("UID:" + uid);
        e.add("DTSTAMP:" + UTC.format(stamp.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        e.add("SEQUENCE:" + sequence);
        e.add("SUMMARY:" + line(title));
        e.add("DESCRIPTION:" + text(description));
        e.add("URL:" + url);
        e.add("STATUS:" + status);
        people.apply(organizer).ifPresent(p -> e.add("ORGANIZER;CN=" + param(p.displayName()) + ":mailto:" + p.email()));
        for (int i = 0; i < attendees.size(); i++) {
            String role = roles.get(i);
            people.apply(attendees.get(i)).ifPresent(p -> e.add("ATTENDEE;CN=" + param(p.displayName()) + ";ROLE=" + role
                    + ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + p.email()));
        }
        zones.add(zone);
        return e;
    }

    /**
     * DTSTART and DTEND as the series' wall clock says, even for a first start in a daylight-saving
     * gap: a calendar program moves that one date (RFC 5545) and keeps the later ones at the time
     * asked for. UNTIL is written in UTC, as RFC 5545 requires with a zoned DTSTART.
     */
    private void firstStartAndRule(Series s, List<String> e) {
        e.add(at("DTSTART", s.firstStart().atZone(s.zone()), s.firstStart()));
        LocalDateTime end = s.firstStart().plusMinutes(s.durationMinutes());
        e.add(at("DTEND", end.atZone(s.zone()), end));
        if (s.rrule() != null) {
            e.add("RRULE:" + Recurrence.untilInUtc(s.rrule(), s.zone()));
        }
    }

    private void end(List<String> e) {
        e.add("END:VEVENT");
        events.addAll(e);
    }

    private static String at(String name, ZonedDateTime time) {
        return at(name, time, time.toLocalDateTime());
    }

    /** In the zone's own time when it has a VTIMEZONE, else in UTC (also for UTC itself). */
    private static String at(String name, ZonedDateTime time, LocalDateTime wallClock) {
        if (timezone(time.getZone()).isEmpty()) {
            return name + ":" + UTC.format(time.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        }
        return name + ";TZID=" + time.getZone().getId() + ":" + LOCAL.format(wallClock.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The zone's VTIMEZONE from ical4j's copy of the tz database; none for UTC (written with Z). The
     * copy of a zone that is a link (Europe/Stockholm, US/Pacific) holds the zone it links to, whose
     * rules it shares, under that zone's name; it is written under the name the series uses, so the
     * TZID of every date finds its VTIMEZONE. A zone ical4j does not know (only ever stored before
     * zones were checked) has none, and its dates are written in UTC.
     */
    private static List<String> timezone(ZoneId zone) {
        return VTIMEZONES.computeIfAbsent(zone, IcsWriter::readTimezone);
    }

    private static List<String> readTimezone(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return List.of();
        }
        try (InputStream in = IcsWriter.class.getResourceAsStream("/zoneinfo/" + zone.getId() + ".ics")) {
            if (in == null) {
                return List.of();
            }
            String ics = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int from = ics.indexOf("BEGIN:VTIMEZONE");
            int to = ics.indexOf("END:VTIMEZONE");
            if (from < 0 || to < 0) {
                return List.of();
            }
            // Unfold first so our own folding writes each line once.
            return Stream.of(ics.substring(from, to + "END:VTIMEZONE".length()).replace("\n ", "").split("\n"))
                    .map(line -> line.startsWith("TZID:") ? "TZID:" + zone.getId()
                            : line.startsWith("X-LIC-LOCATION:") ? "X-LIC-LOCATION:" + zone.getId() : line)
                    .filter(line -> !line.startsWith("TZURL:"))
                    .toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    /** A one-line TEXT value: line breaks become spaces, other control characters go. */
    static String line(String value) {
        return text(value.replaceAll("\\R", " "));
    }

    /** A TEXT value: line breaks escaped (a backslash and n), other control characters left out. */
    static String text(String value) {
        return withoutControls(value.replaceAll("\\R", "\n")).replace("\\", "\\\\").replace(";", "\\;")
                .replace(",", "\\,").replace("\n", "\\n");
    }

    /** A quoted parameter value (CN), which may hold neither a control character nor a quote. */
    private static String param(String value) {
        return "\"" + withoutControls(value.replaceAll("\\R", " ")).replace("\"", "'") + "\"";
    }

    private static String withoutControls(String value) {
        return value.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Lines longer than 75 octets continue on the next line after a space, never splitting a character. */
    static String fold(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length();) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

}

package org.smartketing.crosstraining;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.crosstraining.sessions.Offers;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.Sessions;
import org.smartketing.support.Fixtures;
import org.smartketing.support.SmtpIntegrationTest;
import org.smartketing.support.TestSmtp;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session's invitation, its update when the host moves it and its cancellation leave over real
 * SMTP with their .ics, which ical4j parses back: one UID, METHOD:REQUEST then CANCEL, SEQUENCE raised.
 */
@SmtpIntegrationTest
class SessionInvitationsTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server().withPerMethodLifecycle(false);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Offers offers;

    @Autowired
    Sessions sessions;

    @Autowired
    ActivityLog activities;

    @Test
    void bothReceiveTheInvitationThenTheMoveWithARaisedSequenceThenTheCancellation() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        UUID demo = activities.log(new NewActivity(ActivityType.DEMO, rep.id(), Instant.now().plus(Duration.ofHours(20)),
                "Demo for Globex", null, null, ActivitySource.MANUAL)).id().value();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        var offer = offers.offer(new Offers.NewOffer("Open seat on my Globex demo", start, 60, 1, "America/New_York",
                "activity", demo), Fixtures.signedIn(rep));
        Session s = offers.book(offer.id(), Fixtures.signedIn(marketer));

        for (Person p : List.of(marketer, rep)) {
            Calendar ics = parse(calendarOf(awaitMail(p.email(), "Invitation: Open seat on my Globex demo")));
            assertThat(ics.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
            VEvent event = (VEvent) ics.getComponents("VEVENT").get(0);
            assertThat(value(event, Property.UID)).isEqualTo(s.icalUid());
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
            assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:" + rep.email());
            List<String> attendees = event.getProperties(Property.ATTENDEE).stream().map(a -> ((Property) a).getValue())
                    .toList();
            assertThat(attendees).containsExactly("mailto:" + marketer.email());
            assertThat(local(event, Property.DTSTART).toInstant()).isEqualTo(start);
            assertThat(local(event, Property.DTSTART).getZone().getId()).isEqualTo("America/New_York");
            assertThat(value(event, Property.URL)).endsWith("/cross-training/sessions/" + s.id());
        }

        Instant later = start.plus(Duration.ofHours(2));
        sessions.move(s.id(), later, 45, Fixtures.signedIn(rep));
        Calendar moved = parse(calendarOf(awaitMail(marketer.email(), "Moved: Open seat on my Globex demo")));
        VEvent update = (VEvent) moved.getComponents("VEVENT").get(0);
        assertThat(moved.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
        assertThat(value(update, Property.UID)).isEqualTo(s.icalUid());
        assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
        assertThat(local(update, Property.DTSTART).toInstant()).isEqualTo(later);
        assertThat(local(update, Property.DTEND).toInstant())
                .isEqualTo(later.plus(Duration.ofMinutes(45)));

        sessions.cancel(s.id(), "A customer call came up", Fixtures.signedIn(rep));
        Calendar cancelled = parse(calendarOf(awaitMail(marketer.email(), "Cancelled: Open seat on my Globex demo")));
        VEvent cancel = (VEvent) cancelled.getComponents("VEVENT").get(0);
        assertThat(cancelled.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
        assertThat(value(cancel, Property.UID)).isEqualTo(s.icalUid());
        assertThat(value(cancel, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancel, Property.STATUS)).isEqualTo("CANCELLED");
    }

    /** A date-time written with its zone (TZID), as calendar apps read it. */
    private static ZonedDateTime local(VEvent event, String property) {
        Property p = event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property));
        String zone = p.getParameter("TZID").map(x -> x.getValue()).orElseThrow(() -> new AssertionError("no TZID"));
        return java.time.LocalDateTime.parse(p.getValue(), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                .atZone(java.time.ZoneId.of(zone));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    private MimeMessage awaitMail(String to, String subject) {
        return await().until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().equals(subject);
            }
            catch (Exception ex) {
                return false;
            }
        }).reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    private static String calendarOf(MimeMessage mail) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("text/calendar") && part.getFileName() == null) {
                try (var in = part.getInputStream()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no inline calendar part");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}

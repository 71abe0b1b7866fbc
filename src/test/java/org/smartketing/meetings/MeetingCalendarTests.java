package org.smartketing.meetings;

import java.io.StringReader;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartketing.mail.MailOutbox;
import org.smartketing.meetings.planning.CalendarFeeds;
import org.smartketing.meetings.planning.IcsWriter;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.support.Fixtures;
import org.smartketing.support.SmtpIntegrationTest;
import org.smartketing.support.TestSmtp;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Invitations, updates and cancellations leave over real SMTP (GreenMail) with their .ics, which
 * ical4j parses back field by field; the private feed works without a session until revoked.
 */
@SmtpIntegrationTest
class MeetingCalendarTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server().withPerMethodLifecycle(false);

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingPlanning planning;

    @Autowired
    MeetingStore meetings;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailOutbox outbox;

    Person sponsor;
    Person rep;
    Person marketer;

    @BeforeEach
    void people() {
        sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
    }

    @Test
    void theInvitationCarriesAnIcsThatParsesBackFieldByField() throws Exception {
        Series s = planning.create(Plans.weekly("Smartketing sync", 4, sponsor, rep, marketer),
                Fixtures.signedIn(rep)).series();

        MimeMessage mail = awaitMail(marketer.email(), "Invitation: Smartketing sync");
        assertThat(calendarPartType(mail)).startsWith("text/calendar").contains("method=REQUEST");
        Calendar ics = parse(calendarOf(mail));
        assertThat(ics.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
        VEvent event = events(ics).get(0);
        assertThat(value(event, Property.UID)).isEqualTo(s.icalUid());
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Smartketing sync");
        assertThat(value(event, Property.DESCRIPTION)).contains("End goal: Each of us leaves with three actions");
        assertThat(local(event, Property.DTSTART)).isEqualTo(s.firstStart().atZone(Plans.BERLIN));
        assertThat(local(event, Property.DTEND)).isEqualTo(s.firstStart().plusMinutes(45).atZone(Plans.BERLIN));
        assertThat(ics.getComponent("VTIMEZONE")).as("the zone travels with the invitation").isPresent();
        RRule<?> rule = event.getProperty(Property.RRULE).map(r -> (RRule<?>) r).orElseThrow();
        assertThat(rule.getRecur().getCount()).isEqualTo(4);
        assertThat(event.getProperties(Property.ATTENDEE).stream().map(p -> ((Property) p).getValue()).toList())
                .contains("mailto:" + rep.email(), "mailto:" + marketer.email(), "mailto:" + sponsor.email());
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:" + rep.email());
        await().untilAsserted(() -> assertThat(mailStatus("Invitation: Smartketing sync", marketer.email()))
                .isEqualTo("SENT"));
    }

    @Test
    void anUpdateRaisesTheSequenceAndKeepsTheUidAndAMovedMeetingGetsItsOwnEvent() throws Exception {
        Series s = planning.create(Plans.weekly("Pipeline review", 3, sponsor, rep, marketer),
                Fixtures.signedIn(rep)).series();
        awaitMail(marketer.email(), "Invitation: Pipeline review");
        Meeting second = meetings.ofSeries(s.id()).get(1);

        planning.editOccurrence(second.id(), new MeetingPlanning.OccurrenceChange(
                second.startsAt().atZone(Plans.BERLIN).toLocalDateTime().plusHours(1), null, null, null),
                Fixtures.signedIn(rep));

        Calendar ics = parse(calendarOf(awaitMail(marketer.email(), "Updated: Pipeline review")));
        List<VEvent> events = events(ics);
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(value(e, Property.UID)).isEqualTo(s.icalUid());
            assertThat(value(e, Property.SEQUENCE)).isEqualTo("1");
        });
        VEvent moved = events.get(1);
        assertThat(local(moved, Property.RECURRENCE_ID).toInstant()).isEqualTo(second.recurrenceId());
        assertThat(local(moved, Property.DTSTART).toInstant()).isEqualTo(second.startsAt().plusSeconds(3600));
    }

    @Test
    void cancellingAnOccurrenceOrTheSeriesSendsMethodCancel() throws Exception {
        Series s = planning.create(Plans.weekly("Quarterly planning", 3, sponsor, rep, marketer),
                Fixtures.signedIn(sponsor)).series();
        awaitMail(rep.email(), "Invitation: Quarterly planning");
        Meeting first = meetings.ofSeries(s.id()).get(0);

        planning.cancelOccurrence(first.id(), Fixtures.signedIn(sponsor));
        MimeMessage one = awaitMail(rep.email(), "Cancelled: Quarterly planning on");
        assertThat(calendarPartType(one)).contains("method=CANCEL");
        Calendar oneIcs = parse(calendarOf(one));
        assertThat(oneIcs.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
        VEvent cancelledOne = events(oneIcs).get(0);
        assertThat(value(cancelledOne, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelledOne, Property.SEQUENCE)).isEqualTo("1");
        assertThat(local(cancelledOne, Property.RECURRENCE_ID).toInstant()).isEqualTo(first.recurrenceId());

        Calendar series = parse(mvc.perform(get("/api/v1/meeting-series/" + s.id() + "/ics").header("Authorization",
                "Bearer " + fixtures.tokenFor(rep, org.smartketing.team.tokens.TokenScope.READ))).andReturn().getResponse()
                .getContentAsString());
        VEvent master = events(series).get(0);
        assertThat(local(master, Property.EXDATE).toInstant()).as("the cancelled meeting is left out from then on")
                .isEqualTo(first.recurrenceId());

        planning.cancelSeries(s.id(), Fixtures.signedIn(sponsor));
        Calendar all = parse(calendarOf(awaitMail(rep.email(), "Cancelled: Quarterly planning"::equals)));
        VEvent cancelledAll = events(all).get(0);
        assertThat(all.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
        assertThat(value(cancelledAll, Property.UID)).isEqualTo(s.icalUid());
        assertThat(value(cancelledAll, Property.SEQUENCE)).isEqualTo("2");
        assertThat(cancelledAll.getProperty(Property.RECURRENCE_ID)).isEmpty();
        assertThat(meetings.ofSeries(s.id())).allSatisfy(m -> assertThat(m.status()).isEqualTo(Meeting.Status.CANCELLED));
    }

    @Test
    void thePrivateFeedNeedsNoSessionAndStopsWhenRevoked() throws Exception {
        Series s = planning.create(Plans.weekly("Feed sync", 2, sponsor, rep, marketer), Fixtures.signedIn(rep)).series();
        String url = feeds.renew(marketer.id());
        String path = url.substring("https://smartketing.example.com".length());

        String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Calendar feed = parse(body);
        assertThat(feed.getProperty(Property.METHOD)).isEmpty();
        assertThat(events(feed)).extracting(e -> value(e, Property.UID)).contains(s.icalUid());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_feed WHERE token_hash LIKE ?")
                .param("%" + path.substring(10, 30) + "%").query(Long.class).single()).as("stored hashed").isZero();

        feeds.revoke(marketer.id());
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/not-a-secret.ics")).andExpect(status().isNotFound());
    }

    /** The newest mail to the address whose subject starts so, once the outbox's job has sent it. */
    private MimeMessage awaitMail(String to, String subjectStart) {
        return awaitMail(to, subject -> subject.startsWith(subjectStart));
    }

    private MimeMessage awaitMail(String to, Predicate<String> subject) {
        return await().until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && subject.test(m.getSubject());
            }
            catch (Exception ex) {
                return false;
            }
        }).reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    private String mailStatus(String subject, String to) {
        List<String> statuses = outbox.to(to, 50).stream().filter(m -> m.subject().equals(subject))
                .map(MailOutbox.Mail::status).toList();
        assertThat(statuses).as("'" + subject + "' to " + to).hasSize(1);
        return statuses.get(0);
    }

    /** The inline text/calendar part: what mail programs show as the invitation. */
    private static BodyPart calendarPart(MimeMessage mail) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("text/calendar") && part.getFileName() == null) {
                return part;
            }
        }
        throw new AssertionError("no inline calendar part");
    }

    private static String calendarPartType(MimeMessage mail) throws Exception {
        return calendarPart(mail).getContentType();
    }

    private static String calendarOf(MimeMessage mail) throws Exception {
        try (var in = calendarPart(mail).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Calendar parse(String ics) throws Exception {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("PRODID:" + IcsWriter.PRODID);
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar ics) {
        return ics.getComponents("VEVENT").stream().map(c -> (VEvent) c).toList();
    }

    /** A date-time property written with its zone: TZID must be the series' zone. */
    private static ZonedDateTime local(VEvent event, String property) {
        Property p = event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property));
        String zone = p.getParameter("TZID").map(x -> x.getValue()).orElseThrow(() -> new AssertionError("no TZID"));
        return java.time.LocalDateTime.parse(p.getValue(), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                .atZone(java.time.ZoneId.of(zone));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}

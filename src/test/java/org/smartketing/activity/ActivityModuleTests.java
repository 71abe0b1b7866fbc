package org.smartketing.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.smartketing.comms.Messenger;
import org.smartketing.funnel.LeadTitles;
import org.smartketing.mail.Mailer;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.WorkingHours;
import org.smartketing.web.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The activity part booted on its own (a Modulith module test: only its beans, on the test
 * database); what it uses of the team and web parts stands in as mocks. Logging stores the
 * activity, audits it and announces {@link ActivityLogged}; refusing one announces nothing.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
class ActivityModuleTests {

    @MockitoBean
    TeamDirectory directory;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    Times times;

    @Autowired
    ActivityLog log;

    @Autowired
    ActivityCounts counts;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheOtherParts() {
        assertThat(context.getBeanNamesForType(Messenger.class)).as("comms").isEmpty();
        assertThat(context.getBeanNamesForType(LeadTitles.class)).as("funnel").isEmpty();
        assertThat(context.getBeanNamesForType(Mailer.class)).as("mail").isEmpty();
        assertThat(context.getBeanNamesForType(ActivityLog.class)).hasSize(1);
    }

    @Test
    void announcesAnActivityWhenItIsLoggedAndAuditsIt(Scenario scenario) {
        PersonId rep = anEnabledPerson();
        Instant occurred = Instant.now().minus(1, ChronoUnit.HOURS);

        scenario.stimulate(() -> log.log(new NewActivity(ActivityType.CALL, rep, occurred, "Booked a demo", null,
                null, ActivitySource.MANUAL)))
                .andWaitForEventOfType(ActivityLogged.class)
                .matching(event -> rep.equals(event.actor().personId()))
                .toArriveAndVerify((event, stored) -> {
                    assertThat(event.activityId()).isEqualTo(stored.id());
                    assertThat(event.type()).isEqualTo(ActivityType.CALL);
                    assertThat(event.occurredAt()).isEqualTo(occurred.truncatedTo(ChronoUnit.MICROS));
                    assertThat(counts.count(ActivityType.CALL, rep, null, null)).as("stored").isEqualTo(1);
                    verify(audit).record(eq("activity"), eq(stored.id()), eq("logged"), isNull(), any());
                });
    }

    @Test
    void refusesSomeoneTheTeamDoesNotKnowAndAnnouncesNothing(PublishedEvents events) {
        PersonId stranger = PersonId.random();
        when(directory.person(stranger)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> log.log(new NewActivity(ActivityType.EMAIL, stranger, Instant.now(), null, null, null,
                ActivitySource.API))).isInstanceOf(FieldConflictException.class).hasMessageContaining("enabled person");

        assertThat(events.ofType(ActivityLogged.class)).isEmpty();
        assertThat(counts.count(ActivityType.EMAIL, stranger, null, null)).isZero();
        verify(audit, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void refusesALeadNoPartKnowsWhenNoPartAnswersForLeads() {
        PersonId rep = anEnabledPerson();

        assertThatThrownBy(() -> log.log(new NewActivity(ActivityType.MEETING, rep, Instant.now(), null,
                java.util.UUID.randomUUID(), null, ActivitySource.API))).isInstanceOf(FieldConflictException.class)
                .hasMessageContaining("no such lead");
        assertThatThrownBy(() -> log.log(new NewActivity(null, rep, Instant.now(), null, null, null,
                ActivitySource.API))).isInstanceOf(ConstraintViolationException.class);
    }

    private PersonId anEnabledPerson() {
        PersonId id = PersonId.random();
        when(directory.person(id)).thenReturn(Optional.of(new PersonSummary(id, "rep@example.com", "Rita Rep",
                Department.SALES, AppRole.MEMBER, "Account executive", ZoneId.of("Europe/Berlin"),
                WorkingHours.standard(), null, true)));
        return id;
    }
}

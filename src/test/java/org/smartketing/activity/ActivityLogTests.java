package org.smartketing.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.log.Activities;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.KnownSubjects;
import org.smartketing.team.Actor;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.audit.AuditEntries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Logging activities through the public service, and counting them back the way other parts will. */
@IntegrationTest
@RecordApplicationEvents
class ActivityLogTests {

    static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    @Autowired
    ActivityLog log;

    @Autowired
    ActivityCounts counts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    KnownSubjects subjects;

    @Autowired
    AuditEntries audit;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    PersonId rep;

    @BeforeEach
    void aSalesRep() {
        rep = fixtures.aPerson(AppRole.MEMBER).id();
    }

    NewActivity a(ActivityType type, Instant at) {
        return new NewActivity(type, rep, at, null, null, null, ActivitySource.MANUAL);
    }

    @Test
    void storesTheActivityAsGivenAndAuditsIt() {
        UUID lead = subjects.aLead();
        Activity logged = log.log(new NewActivity(ActivityType.CALL, rep, MONDAY, "  Booked a demo  ", lead, null,
                ActivitySource.API));

        assertThat(logged.type()).isEqualTo(ActivityType.CALL);
        assertThat(logged.personId()).isEqualTo(rep);
        assertThat(logged.occurredAt()).isEqualTo(MONDAY);
        assertThat(logged.outcome()).isEqualTo("Booked a demo");
        assertThat(logged.leadId()).isEqualTo(lead);
        assertThat(logged.source()).isEqualTo(ActivitySource.API);
        assertThat(logged.recordedAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MINUTES));
        assertThat(counts.forLead(lead)).containsExactly(logged);

        assertThat(audit.find(new AuditEntries.Filter("activity", logged.id().toString(), null, null, null, null), 10))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("logged");
                    assertThat(entry.actorLabel()).isEqualTo(AuditLog.SYSTEM);
                    assertThat(entry.before()).isNull();
                    assertThat(entry.after()).contains("\"type\":\"CALL\"", rep.toString(), lead.toString(),
                            "Booked a demo", "\"source\":\"API\"");
                });
    }

    @Test
    void keepsABlankOutcomeAsNone() {
        assertThat(log.log(new NewActivity(ActivityType.EMAIL, rep, MONDAY, "   ", null, null, ActivitySource.MANUAL))
                .outcome()).isNull();
    }

    @Test
    void announcesEachLoggedActivity() {
        UUID campaign = subjects.aCampaign();
        Activity logged = log.log(new NewActivity(ActivityType.WEBINAR, rep, MONDAY, null, null, campaign,
                ActivitySource.MANUAL));

        assertThat(events.stream(ActivityLogged.class)).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isNotNull();
            assertThat(e).isEqualTo(new ActivityLogged(e.eventId(), logged.id(), ActivityType.WEBINAR, null, campaign,
                    ActivitySource.MANUAL, MONDAY, Actor.person(rep, Department.SALES)));
        });
    }

    @Test
    void countsByTypeAndPersonFromInclusiveToExclusive() {
        Instant from = MONDAY;
        Instant to = MONDAY.plus(Duration.ofDays(7));
        log.log(a(ActivityType.CALL, from.minusMillis(1)));
        log.log(a(ActivityType.CALL, from));
        log.log(a(ActivityType.CALL, from.plus(Duration.ofDays(3))));
        log.log(a(ActivityType.CALL, to.minusMillis(1)));
        log.log(a(ActivityType.CALL, to));
        log.log(a(ActivityType.DEMO, from.plus(Duration.ofDays(1))));
        PersonId colleague = fixtures.aPerson(AppRole.MEMBER).id();
        log.log(new NewActivity(ActivityType.CALL, colleague, from, null, null, null, ActivitySource.MANUAL));

        assertThat(counts.count(ActivityType.CALL, rep, from, to)).isEqualTo(3);
        assertThat(counts.count(ActivityType.DEMO, rep, from, to)).isEqualTo(1);
        assertThat(counts.count(ActivityType.EMAIL, rep, from, to)).isZero();
        assertThat(counts.count(ActivityType.CALL, rep, null, null)).isEqualTo(5);
        assertThat(counts.count(ActivityType.CALL, colleague, from, to)).isEqualTo(1);
        assertThat(counts.count(ActivityType.CALL, null, from, to)).as("anyone's").isGreaterThanOrEqualTo(4);
    }

    @Test
    void countsEveryTypeInAPeriodIncludingThoseNobodyLogged() {
        Instant from = Instant.parse("2024-11-04T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        Map<ActivityType, Long> before = counts.countByType(from, to);
        log.log(a(ActivityType.CONTENT, from));
        log.log(a(ActivityType.CONTENT, from.plus(Duration.ofHours(5))));
        log.log(a(ActivityType.EVENT, to.minusSeconds(1)));
        log.log(a(ActivityType.EVENT, to));

        Map<ActivityType, Long> after = counts.countByType(from, to);
        assertThat(after).containsOnlyKeys(ActivityType.values());
        assertThat(after.get(ActivityType.CONTENT) - before.get(ActivityType.CONTENT)).isEqualTo(2);
        assertThat(after.get(ActivityType.EVENT) - before.get(ActivityType.EVENT)).isEqualTo(1);
        assertThat(after.get(ActivityType.DEMO)).isEqualTo(before.get(ActivityType.DEMO));
    }

    @Test
    void listsALeadsActivitiesNewestFirst() {
        UUID lead = subjects.aLead();
        Activity first = log.log(new NewActivity(ActivityType.EMAIL, rep, MONDAY, null, lead, null, ActivitySource.MANUAL));
        Activity third = log.log(new NewActivity(ActivityType.DEMO, rep, MONDAY.plus(Duration.ofDays(2)), null, lead,
                null, ActivitySource.MANUAL));
        Activity second = log.log(new NewActivity(ActivityType.CALL, rep, MONDAY.plus(Duration.ofDays(1)), null, lead,
                null, ActivitySource.MANUAL));
        log.log(new NewActivity(ActivityType.CALL, rep, MONDAY, null, subjects.aLead(), null, ActivitySource.MANUAL));

        assertThat(counts.forLead(lead)).containsExactly(third, second, first);
    }

    @Test
    void acceptsALeadAndACampaignThatAPartKnows() {
        UUID lead = subjects.aLead();
        UUID campaign = subjects.aCampaign();
        Activity logged = log.log(new NewActivity(ActivityType.CAMPAIGN, rep, MONDAY, null, lead, campaign,
                ActivitySource.AUTOMATIC));
        assertThat(logged.leadId()).isEqualTo(lead);
        assertThat(logged.campaignId()).isEqualTo(campaign);
    }

    @Test
    void refusesALeadOrCampaignThatNoPartKnows() {
        assertThatThrownBy(() -> log.log(new NewActivity(ActivityType.CALL, rep, MONDAY, null, UUID.randomUUID(), null,
                ActivitySource.MANUAL))).isInstanceOfSatisfying(FieldConflictException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("leadId");
                    assertThat(ex.getMessage()).isEqualTo("no such lead");
                });
        assertThatThrownBy(() -> log.log(new NewActivity(ActivityType.CALL, rep, MONDAY, null, null, UUID.randomUUID(),
                ActivitySource.MANUAL))).isInstanceOfSatisfying(FieldConflictException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("campaignId");
                    assertThat(ex.getMessage()).isEqualTo("no such campaign");
                });
        assertThat(storedFor(rep)).isZero();
        assertThat(events.stream(ActivityLogged.class)).isEmpty();
    }

    @Test
    void refusesEveryLeadAndCampaignWhileNoPartProvidesThem(@Autowired Activities activities,
            @Autowired org.smartketing.activity.counts.Rollup rollup, @Autowired TeamDirectory directory, @Autowired AuditLog auditLog,
            @Autowired ApplicationEventPublisher publisher) {
        DefaultListableBeanFactory none = new DefaultListableBeanFactory();
        ActivityLog withoutFunnel = new ActivityLog(activities, rollup, directory,
                none.getBeanProvider(ActivitySubjects.class), auditLog, publisher, clock,
                none.getBeanProvider(com.github.kagkarlsson.scheduler.SchedulerClient.class));
        UUID lead = subjects.aLead();
        UUID campaign = subjects.aCampaign();

        assertThatThrownBy(() -> withoutFunnel.log(new NewActivity(ActivityType.CALL, rep, MONDAY, null, lead, null,
                ActivitySource.MANUAL))).isInstanceOfSatisfying(FieldConflictException.class,
                        ex -> assertThat(ex.field()).isEqualTo("leadId"));
        assertThatThrownBy(() -> withoutFunnel.log(new NewActivity(ActivityType.CALL, rep, MONDAY, null, null, campaign,
                ActivitySource.MANUAL))).isInstanceOfSatisfying(FieldConflictException.class,
                        ex -> assertThat(ex.field()).isEqualTo("campaignId"));
        assertThat(withoutFunnel.log(a(ActivityType.CALL, MONDAY)).leadId()).as("without a lead it is fine").isNull();
        assertThat(storedFor(rep)).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownOrDisabledPerson() {
        PersonId nobody = PersonId.random();
        assertThatThrownBy(() -> log.log(new NewActivity(ActivityType.CALL, nobody, MONDAY, null, null, null,
                ActivitySource.MANUAL))).isInstanceOfSatisfying(FieldConflictException.class,
                        ex -> assertThat(ex.field()).isEqualTo("personId"));

        jdbc.sql("UPDATE person SET enabled = FALSE WHERE id = ?").param(rep.value()).update();
        assertThatThrownBy(() -> log.log(a(ActivityType.CALL, MONDAY))).isInstanceOfSatisfying(
                FieldConflictException.class, ex -> assertThat(ex.field()).isEqualTo("personId"));
        assertThat(storedFor(rep)).isZero();
    }

    @Test
    void acceptsUpToADayAheadAndRefusesLater() {
        Instant now = clock.instant();
        log.log(a(ActivityType.MEETING, now.plus(Duration.ofHours(23))));

        assertThatThrownBy(() -> log.log(a(ActivityType.MEETING, now.plus(Duration.ofHours(25)))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, ex -> assertThat(ex.getConstraintViolations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.getPropertyPath().toString()).endsWith("occurredAt");
                            assertThat(v.getMessage()).isEqualTo("must not be more than a day in the future");
                        }));
        assertThat(storedFor(rep)).isEqualTo(1);
    }

    @Test
    void refusesACommandThatBreaksItsConstraints() {
        assertThatThrownBy(() -> log.log(new NewActivity(null, rep, MONDAY, "<b>bold</b>", null, null, null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, ex -> assertThat(ex.getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString().replaceAll(".*\\.", ""))
                        .containsExactlyInAnyOrder("type", "outcome", "source"));
        assertThat(storedFor(rep)).isZero();
    }

    private long storedFor(PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM activity WHERE person_id = ?").param(person.value()).query(Long.class)
                .single();
    }
}

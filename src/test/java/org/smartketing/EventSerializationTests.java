package org.smartketing;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLogged;
import org.smartketing.comms.MessageAcknowledged;
import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadConsentWithdrawn;
import org.smartketing.funnel.LeadErased;
import org.smartketing.goals.GoalEndorsed;
import org.smartketing.goals.GoalRevised;
import org.smartketing.goals.GoalSet;
import org.smartketing.funnel.LeadRoutingFailed;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.SlaWarningReached;
import org.smartketing.meetings.ActionItemCompleted;
import org.smartketing.meetings.MeetingClosed;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.Actor;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a part publishes survives the event publication registry: written by the registry's
 * own serializer and read back, it is equal to what was published, typed ids as plain strings.
 */
@IntegrationTest
class EventSerializationTests {

    /** The public events of every part, each with the same shape: an event id first, when and who last. */
    static final List<Class<? extends Record>> EVENTS = List.of(LeadStageChanged.class, LeadAssigned.class,
            LeadRoutingFailed.class, SlaWarningReached.class, SlaBreached.class, ActivityLogged.class,
            org.smartketing.activity.ActivityCorrected.class, org.smartketing.activity.ActivityRemoved.class,
            MessageAcknowledged.class, ActionItemCompleted.class, MeetingClosed.class, DemoCompanyFilled.class,
            GoalSet.class, GoalRevised.class, GoalEndorsed.class,
            org.smartketing.crosstraining.SessionPlanned.class, org.smartketing.crosstraining.SessionCancelled.class,
            org.smartketing.crosstraining.ReflectionWritten.class, org.smartketing.imports.ImportFinished.class,
            LeadErased.class, LeadConsentWithdrawn.class);

    static final Instant WHEN = Instant.parse("2026-03-04T05:06:07.123456789Z");
    static final UUID ID = UUID.fromString("0b7e5c2a-8f3d-4d6e-9a1b-2c3d4e5f6a7b");

    @Autowired
    EventSerializer serializer;

    @Test
    void everyPublicEventRoundTripsThroughTheRegistrysSerializerWithAPersonOrTheSystemAsActor() throws Exception {
        for (Class<? extends Record> type : EVENTS) {
            for (Actor actor : List.of(Actor.person(new PersonId(ID), Department.MARKETING), Actor.system("intake:api"))) {
                Record event = sample(type, actor);
                String json = serializer.serialize(event).toString();
                assertThat(serializer.deserialize(json, type)).as(json).isEqualTo(event);
                assertThat(json).as(type.getSimpleName() + " writes typed ids as strings").doesNotContain("\"value\"");
            }
        }
    }

    @Test
    void everyEventStartsWithItsIdAndEndsWithWhenAndWho() {
        for (Class<? extends Record> type : EVENTS) {
            RecordComponent[] parts = type.getRecordComponents();
            assertThat(parts[0].getName() + ":" + parts[0].getType().getSimpleName()).as(type.getSimpleName())
                    .isEqualTo("eventId:UUID");
            assertThat(parts[parts.length - 2].getName() + ":" + parts[parts.length - 2].getType().getSimpleName())
                    .as(type.getSimpleName()).isEqualTo("occurredAt:Instant");
            assertThat(parts[parts.length - 1].getType()).as(type.getSimpleName()).isEqualTo(Actor.class);
        }
    }

    /**
     * What a part's code builds in the statement that publishes (within its first lines) is an event,
     * unless it is one of the values events are made of (typed ids, the actor); nested ones are a
     * part's own internal signals. A record that starts with an event id is one too, wherever it is built.
     */
    @Test
    void theListHoldsEveryEventAPartPublishes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.smartketing");
        Set<String> parts = EVENTS.stream().flatMap(e -> Arrays.stream(e.getRecordComponents()))
                .map(c -> c.getType().getName()).collect(Collectors.toSet());
        Set<String> published = classes.stream().flatMap(c -> c.getCodeUnits().stream()).flatMap(unit -> {
            Set<Integer> lines = unit.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getName().equals("publishEvent")).map(call -> call.getLineNumber())
                    .collect(Collectors.toSet());
            return unit.getConstructorCallsFromSelf().stream()
                    .filter(call -> lines.stream().anyMatch(l -> call.getLineNumber() >= l && call.getLineNumber() <= l + 2))
                    .map(call -> call.getTargetOwner());
        }).filter(type -> type.isRecord() && !type.getName().contains("$") && !parts.contains(type.getName()))
                .map(type -> type.getName()).collect(Collectors.toSet());
        // Aggregates register their events (published later from a list), so also every record shaped as one.
        classes.stream().filter(c -> c.isRecord() && c.reflect().getRecordComponents().length > 0
                && c.reflect().getRecordComponents()[0].getName().equals("eventId")).forEach(c -> published.add(c.getName()));
        assertThat(published).containsExactlyInAnyOrderElementsOf(EVENTS.stream().map(Class::getName).toList());
    }

    static Record sample(Class<? extends Record> type, Actor actor) throws Exception {
        RecordComponent[] parts = type.getRecordComponents();
        Object[] values = Arrays.stream(parts).map(p -> p.getType() == Actor.class ? actor : value(p.getType()))
                .toArray();
        Constructor<? extends Record> constructor = type.getDeclaredConstructor(
                Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return constructor.newInstance(values);
    }

    /** A value of each type an event is made of; records (typed ids) are built from their parts. */
    static Object value(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == String.class) {
            return "Acme → SAL: “quoted”, <b>and</b> new\nline";
        }
        if (type == Instant.class) {
            return WHEN;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 4);
        }
        if (type == int.class) {
            return 7;
        }
        if (type == long.class) {
            return 7L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == List.class) {
            return List.of(); // the element type is erased; an empty list still shows the field round-trips
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type.isRecord()) {
            try {
                RecordComponent[] parts = type.getRecordComponents();
                return type.getDeclaredConstructor(Stream.of(parts).map(RecordComponent::getType).toArray(Class<?>[]::new))
                        .newInstance(Stream.of(parts).map(p -> value(p.getType())).toArray());
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        throw new IllegalArgumentException("No sample value for " + type);
    }
}

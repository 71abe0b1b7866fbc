package org.smartketing.team.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.team.Actor;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Team;
import org.smartketing.team.teams.Teams;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Northwind Analytics, a realistic demo company: the same twelve people (identifiers included) every
 * time, across sales, marketing, management and operations and five time zones; ten in one mixed
 * revenue team, two who joined this quarter in none yet. Everyone signs in with {@link #PASSWORD}.
 */
@Component
public class DemoCompany {

    public static final String DOMAIN = "@northwind.example.com";
    public static final String ADMIN_EMAIL = "tom.becker" + DOMAIN;
    public static final String PASSWORD = "smartketing-demo";
    static final Instant JOINED = Instant.parse("2026-01-05T09:00:00Z");

    private record Member(String name, Department department, AppRole role, String jobRole, String zone,
            int startHour, int endHour, String manager) {
    }

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final Member[] MEMBERS = {
        new Member("Grace Adeyemi", Department.MANAGEMENT, AppRole.MANAGER, "Chief revenue officer", "Europe/London", 8, 17, null),
        new Member("Maya Chen", Department.MARKETING, AppRole.MANAGER, "Head of marketing", "America/New_York", 9, 17, "Grace Adeyemi"),
        new Member("Daniel Weber", Department.SALES, AppRole.MANAGER, "Head of sales", "Europe/Berlin", 8, 17, "Grace Adeyemi"),
        new Member("Tom Becker", Department.OPERATIONS, AppRole.ADMIN, "Revenue operations", "Europe/Berlin", 9, 18, "Grace Adeyemi"),
        new Member("Liam Okafor", Department.MARKETING, AppRole.MEMBER, "Demand generation", "America/New_York", 9, 17, "Maya Chen"),
        new Member("Sofia Rossi", Department.MARKETING, AppRole.MEMBER, "Content marketer", "Europe/Rome", 9, 18, "Maya Chen"),
        new Member("Priya Nair", Department.MARKETING, AppRole.MEMBER, "Marketing operations", "Asia/Kolkata", 10, 19, "Maya Chen"),
        new Member("Emma Johansson", Department.SALES, AppRole.MEMBER, "Account executive", "Europe/Stockholm", 8, 16, "Daniel Weber"),
        new Member("Carlos Mendes", Department.SALES, AppRole.MEMBER, "Sales development rep", "America/Sao_Paulo", 9, 18, "Daniel Weber"),
        new Member("Hannah Kim", Department.SALES, AppRole.MEMBER, "Account executive", "America/Los_Angeles", 8, 17, "Daniel Weber"),
        // joined this quarter and not yet in a team, so the other demos' figures stay those of the ten
        new Member("Noah Fischer", Department.MARKETING, AppRole.MEMBER, "Event marketer", "Europe/Berlin", 9, 17, "Maya Chen"),
        new Member("Aisha Rahman", Department.SALES, AppRole.MEMBER, "Sales development rep", "Europe/London", 9, 17, "Daniel Weber"),
    };

    /** The newest members, in no team yet. */
    private static final Set<String> NEWCOMERS = Set.of("Noah Fischer", "Aisha Rahman");

    private final People people;
    private final Teams teams;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    DemoCompany(People people, Teams teams, PasswordEncoder encoder, ApplicationEventPublisher events, AuditLog audit,
            Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.people = people;
        this.teams = teams;
        this.encoder = encoder;
        this.events = events;
    }

    public boolean isFilled() {
        return people.byEmail(ADMIN_EMAIL).isPresent();
    }

    @Transactional
    public void fill() {
        if (isFilled()) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        Map<String, PersonId> ids = new LinkedHashMap<>();
        for (Member m : MEMBERS) {
            PersonId id = new PersonId(UUID.nameUUIDFromBytes(("demo-person:" + m.name()).getBytes()));
            ids.put(m.name(), id);
            Person person = new Person(id, emailOf(m.name()), m.name(), m.department(), m.role(), m.jobRole(),
                    ZoneId.of(m.zone()), new WorkingHours(LocalTime.of(m.startHour(), 0), LocalTime.of(m.endHour(), 0),
                            WEEKDAYS),
                    m.manager() == null ? null : ids.get(m.manager()), hash, true, JOINED, JOINED);
            people.insert(person);
            audit.record("person", id, "demo-created", null, person.summary());
        }
        TeamId revenueTeam = new TeamId(UUID.nameUUIDFromBytes("demo-team:revenue".getBytes()));
        List<Team> demoTeams = List.of(
                new Team(revenueTeam, "Revenue team", "Everyone who brings in and grows customers.",
                        ids.entrySet().stream().filter(e -> !NEWCOMERS.contains(e.getKey())).map(Map.Entry::getValue)
                                .collect(Collectors.toSet()), JOINED, JOINED),
                new Team(new TeamId(UUID.nameUUIDFromBytes("demo-team:emea".getBytes())), "EMEA pod",
                        "Sales and marketing for Europe, the Middle East and Africa.",
                        Set.of("Daniel Weber", "Emma Johansson", "Sofia Rossi", "Grace Adeyemi").stream().map(ids::get)
                                .collect(Collectors.toSet()), JOINED, JOINED));
        for (Team team : demoTeams) {
            teams.insert(team);
            audit.record("team", team.id(), "demo-created", null, Map.of("name", team.name(), "members", team.members().size()));
        }
        events.publishEvent(new DemoCompanyFilled(UUID.randomUUID(), revenueTeam, clock.instant(), Actor.current()));
    }

    static String emailOf(String name) {
        return name.toLowerCase().replace(' ', '.') + DOMAIN;
    }
}

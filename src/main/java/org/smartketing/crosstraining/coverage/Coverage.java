package org.smartketing.crosstraining.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smartketing.activity.ActivityType;
import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.SessionStore;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage matrix: each person of sales and marketing against the other department's job roles
 * and kinds of work, with the sessions, hours and last time they saw each (sessions held, not
 * cancelled). A role meets the target when at least {@link #SEEN_TARGET} people of the other
 * department have seen it and at least one person in it has hosted; the gaps are the roles short
 * of that and the people who have seen nothing.
 */
@Service
@Transactional(readOnly = true)
public class Coverage {

    public static final int SEEN_TARGET = 2;

    /** A column: a job role or a kind of work of {@code department}. */
    public record Column(Department department, String role, ActivityType type) {

        public String label() {
            return role != null ? role : type.label();
        }

        boolean seenIn(Session s) {
            if (s.host().department() != department) {
                return false;
            }
            if (role != null) {
                return s.host().jobRole() != null && s.host().jobRole().equalsIgnoreCase(role);
            }
            return s.work() != null && type.name().equals(s.work().type());
        }
    }

    public record Cell(int sessions, double hours, Instant last) {

        public boolean seen() {
            return sessions > 0;
        }
    }

    /** One person's row: the other department's columns, their cells in the same order, and their budget. */
    public record Row(PersonSummary person, List<Column> columns, List<Cell> cells, Budgets.Budget budget) {

        public boolean seenNothing() {
            return cells.stream().noneMatch(Cell::seen);
        }

        public Cell cell(Column column) {
            return cells.get(columns.indexOf(column));
        }
    }

    /** How far a role is from the target: who of the other department has seen it, who in it has hosted. */
    public record RoleStatus(Department department, String role, int people, int seenBy, int hosts) {

        public boolean meetsTarget() {
            return seenBy >= SEEN_TARGET && hosts >= 1;
        }

        /** How many more people of the other department should see it (0–2). */
        public int shortOf() {
            return Math.max(0, SEEN_TARGET - seenBy);
        }

        public String gap() {
            String learners = other(department).label().toLowerCase(Locale.ROOT);
            List<String> why = new ArrayList<>();
            if (seenBy == 0) {
                why.add("nobody in " + learners + " has seen " + a(role) + "'s work");
            }
            else if (seenBy < SEEN_TARGET) {
                why.add("only " + seenBy + " in " + learners + " has seen it (target " + SEEN_TARGET + ")");
            }
            if (hosts == 0) {
                why.add("nobody in the role has hosted yet");
            }
            return String.join("; ", why);
        }
    }

    public record Matrix(List<Column> salesColumns, List<Column> marketingColumns, List<Row> marketers, List<Row> reps,
            List<RoleStatus> roles, List<Row> seenNothing, int coveragePercent) {

        public List<RoleStatus> roleGaps() {
            return roles.stream().filter(r -> !r.meetsTarget()).toList();
        }

        public Row row(PersonId person) {
            return java.util.stream.Stream.concat(marketers.stream(), reps.stream())
                    .filter(r -> r.person().id().equals(person)).findFirst().orElse(null);
        }

        public RoleStatus role(String role) {
            return roles.stream().filter(r -> r.role().equalsIgnoreCase(role)).findFirst().orElse(null);
        }
    }

    private final SessionStore sessions;
    private final TeamDirectory directory;
    private final Budgets budgets;
    private final Clock clock;

    Coverage(SessionStore sessions, TeamDirectory directory, Budgets budgets, Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.budgets = budgets;
        this.clock = clock;
    }

    public Matrix matrix() {
        Instant now = clock.instant();
        List<PersonSummary> people = directory.enabledPeople().stream()
                .filter(p -> p.department() == Department.SALES || p.department() == Department.MARKETING)
                .sorted(Comparator.comparing(PersonSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        List<Session> held = sessions.all().stream().filter(s -> s.over(now)).toList();
        Map<PersonId, Budgets.Budget> budget = budgets.of(people);
        List<Column> sales = columns(Department.SALES, people);
        List<Column> marketing = columns(Department.MARKETING, people);
        List<Row> marketers = new ArrayList<>();
        List<Row> reps = new ArrayList<>();
        for (PersonSummary p : people) {
            boolean marketer = p.department() == Department.MARKETING;
            List<Column> theirs = marketer ? sales : marketing;
            List<Session> mine = held.stream().filter(s -> s.learners().contains(p.id())).toList();
            List<Cell> cells = theirs.stream().map(c -> cell(c, mine)).toList();
            (marketer ? marketers : reps).add(new Row(p, theirs, cells, budget.get(p.id())));
        }
        List<RoleStatus> roles = new ArrayList<>();
        roles.addAll(statuses(sales, marketers, people, held));
        roles.addAll(statuses(marketing, reps, people, held));
        List<Row> nothing = new ArrayList<>(marketers.stream().filter(Row::seenNothing).toList());
        nothing.addAll(reps.stream().filter(Row::seenNothing).toList());
        int percent = roles.isEmpty() ? 0
                : (int) Math.round(100.0 * roles.stream().filter(RoleStatus::meetsTarget).count() / roles.size());
        return new Matrix(sales, marketing, marketers, reps, roles, nothing, percent);
    }

    private static List<Column> columns(Department department, List<PersonSummary> people) {
        Set<String> roles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        people.stream().filter(p -> p.department() == department && p.jobRole() != null && !p.jobRole().isBlank())
                .forEach(p -> roles.add(p.jobRole().strip()));
        List<Column> columns = new ArrayList<>();
        roles.forEach(r -> columns.add(new Column(department, r, null)));
        ActivityType.of(department).forEach(t -> columns.add(new Column(department, null, t)));
        return columns;
    }

    private static Cell cell(Column column, List<Session> sessions) {
        int n = 0;
        double hours = 0;
        Instant last = null;
        for (Session s : sessions) {
            if (column.seenIn(s)) {
                n++;
                hours += s.hours();
                last = last == null || s.startsAt().isAfter(last) ? s.startsAt() : last;
            }
        }
        return new Cell(n, hours, last);
    }

    private static List<RoleStatus> statuses(List<Column> columns, List<Row> learners, List<PersonSummary> people,
            List<Session> held) {
        Map<String, Set<PersonId>> hosts = new HashMap<>();
        held.forEach(s -> {
            if (s.host().jobRole() != null) {
                hosts.computeIfAbsent(s.host().jobRole().toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(s.host().id());
            }
        });
        Map<String, RoleStatus> statuses = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.role() == null) {
                continue;
            }
            int inRole = (int) people.stream().filter(p -> p.department() == c.department() && p.jobRole() != null
                    && p.jobRole().strip().equalsIgnoreCase(c.role())).count();
            int seen = (int) learners.stream().filter(r -> r.cell(c).seen()).count();
            statuses.put(c.role(), new RoleStatus(c.department(), c.role(), inRole, seen,
                    hosts.getOrDefault(c.role().toLowerCase(Locale.ROOT), Set.of()).size()));
        }
        return List.copyOf(statuses.values());
    }

    static Department other(Department d) {
        return d == Department.SALES ? Department.MARKETING : Department.SALES;
    }

    static String a(String role) {
        String r = role.toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(r.charAt(0)) >= 0 ? "an " : "a ") + r;
    }
}

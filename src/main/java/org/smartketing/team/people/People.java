package org.smartketing.team.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.PageOf;
import org.smartketing.shared.Sql;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.WorkingHours;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person table. */
@Repository
public class People {

    /** What the people list can be narrowed by; all parts optional. */
    public record Filter(String text, Department department, boolean includeDisabled) {

        public static Filter everyone() {
            return new Filter(null, null, true);
        }
    }

    /** Told inside the changing transaction, so what is kept about the person (tokens) is forgotten. */
    public record PersonChanged(PersonId id) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    People(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public void insert(Person p) {
        jdbc.sql("""
                INSERT INTO person (id, email, display_name, department, app_role, job_role, time_zone, work_start,
                    work_end, work_days, manager_id, password_hash, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id().value(), p.email(), p.displayName(), p.department().name(), p.appRole().name(),
                        p.jobRole(), p.zone().getId(), p.workingHours().start(), p.workingHours().end(),
                        p.workingHours().dayCodes(), uuid(p.managerId()), p.passwordHash(), p.enabled(),
                        Sql.utc(p.createdAt()), Sql.utc(p.updatedAt()))
                .update();
    }

    public void update(Person p) {
        jdbc.sql("""
                UPDATE person SET display_name = ?, department = ?, app_role = ?, job_role = ?, time_zone = ?,
                    work_start = ?, work_end = ?, work_days = ?, manager_id = ?, password_hash = ?, enabled = ?,
                    updated_at = ?
                WHERE id = ?""")
                .params(p.displayName(), p.department().name(), p.appRole().name(), p.jobRole(), p.zone().getId(),
                        p.workingHours().start(), p.workingHours().end(), p.workingHours().dayCodes(),
                        uuid(p.managerId()), p.passwordHash(), p.enabled(), Sql.utc(p.updatedAt()), p.id().value())
                .update();
        events.publishEvent(new PersonChanged(p.id()));
    }

    public Optional<Person> byId(PersonId id) {
        return jdbc.sql("SELECT * FROM person WHERE id = ?").param(id.value()).query(People::map).optional();
    }

    public Optional<Person> byEmail(String email) {
        return jdbc.sql("SELECT * FROM person WHERE email = ?").param(Person.normalizeEmail(email))
                .query(People::map).optional();
    }

    public List<Person> byIds(Collection<PersonId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM person WHERE id IN (:ids) ORDER BY display_name")
                .param("ids", ids.stream().map(PersonId::value).toList()).query(People::map).list();
    }

    public List<Person> enabledPeople() {
        return jdbc.sql("SELECT * FROM person WHERE enabled = TRUE ORDER BY display_name").query(People::map).list();
    }

    /** Every person's id and display name, disabled people too (exports name who did what). */
    public Map<UUID, String> names() {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM person").query(rs -> {
            names.put(Sql.uuid(rs, "id"), rs.getString("display_name"));
        });
        return names;
    }

    public boolean anyActiveAdmin() {
        return countActiveAdmins() > 0;
    }

    public long countActiveAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE enabled = TRUE AND app_role = 'ADMIN'")
                .query(Long.class).single();
    }

    /** @return true for the one caller that sets Smartketing up; false once it has been set up */
    public boolean claimFirstStart(java.time.Instant at) {
        try {
            jdbc.sql("INSERT INTO installation_claim (id, claimed_at) VALUES (1, ?)").param(Sql.utc(at)).update();
            return true;
        }
        catch (org.springframework.dao.DuplicateKeyException ex) {
            return false;
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
    }

    public boolean anyone() {
        return jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single() > 0;
    }

    public PageOf<Person> page(Filter filter, PageOf.Request request) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(LOWER(display_name) LIKE ? OR email LIKE ? OR LOWER(job_role) LIKE ?)");
            String pattern = Sql.contains(filter.text());
            args.addAll(List.of(pattern, pattern, pattern));
        }
        if (filter.department() != null) {
            where.add("department = ?");
            args.add(filter.department().name());
        }
        if (!filter.includeDisabled()) {
            where.add("enabled = TRUE");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM person" + condition).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.addAll(List.of(request.size(), request.offset()));
        List<Person> items = jdbc.sql("SELECT * FROM person" + condition + " ORDER BY display_name, id LIMIT ? OFFSET ?")
                .params(pageArgs).query(People::map).list();
        return new PageOf<>(items, request.page(), request.size(), total);
    }

    private static UUID uuid(PersonId id) {
        return id == null ? null : id.value();
    }

    static Person map(ResultSet rs, int row) throws SQLException {
        UUID manager = Sql.uuid(rs, "manager_id");
        return new Person(new PersonId(Sql.uuid(rs, "id")), rs.getString("email"), rs.getString("display_name"),
                Department.valueOf(rs.getString("department")), AppRole.valueOf(rs.getString("app_role")),
                rs.getString("job_role"), ZoneId.of(rs.getString("time_zone")),
                new WorkingHours(rs.getObject("work_start", LocalTime.class), rs.getObject("work_end", LocalTime.class),
                        WorkingHours.parseDayCodes(rs.getString("work_days"))),
                manager == null ? null : new PersonId(manager), rs.getString("password_hash"),
                rs.getBoolean("enabled"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}

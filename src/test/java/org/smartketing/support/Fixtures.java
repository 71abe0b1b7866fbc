package org.smartketing.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.ApiTokens;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Small factories for test data, each person with a unique email so tests never collide. */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final People people;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final LeadIntake intake;

    Fixtures(People people, PasswordEncoder encoder, ApiTokens tokens, JdbcClient jdbc, DataSource dataSource,
            LeadIntake intake) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.people = people;
        this.encoder = encoder;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    public Person aPerson(AppRole role) {
        return aPerson(role, Department.SALES);
    }

    public Person aPerson(AppRole role, Department department) {
        String name = role.label() + " " + UUID.randomUUID().toString().substring(0, 8);
        Person person = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, department, role,
                "Account executive", ZoneId.of("Europe/Berlin"), WorkingHours.standard(), null, Instant.now())
                .withPasswordHash(encoder.encode(PASSWORD), Instant.now());
        people.insert(person);
        return person;
    }

    public Person anInvitedPerson() {
        String name = "Invited " + UUID.randomUUID().toString().substring(0, 8);
        Person person = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name,
                Department.MARKETING, AppRole.MEMBER, null, ZoneId.of("UTC"), WorkingHours.standard(), null,
                Instant.now());
        people.insert(person);
        return person;
    }

    /** Disables the person as an admin would (their row only; sessions play no part in tests of routing). */
    public Person disable(Person p) {
        people.update(p.withEnabled(false, Instant.now()));
        return reload(p.id());
    }

    /** A new lead from the API with a unique email, in the country and region given, with the title and tags. */
    public Lead aLead(String country, String region, String title, String... tags) {
        String email = "lead." + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        return intake.take(new IncomingLead(email, null, "Lea", "Lead", null, title, country, region, null, null,
                null, null, null, List.of(tags), null), LeadHistory.Channel.API).lead();
    }

    public Lead aLead(String country) {
        return aLead(country, null, null);
    }

    public static SignedInPerson signedIn(Person p) {
        return new SignedInPerson(p.id(), p.email(), p.displayName(), p.appRole(), p.zone(), p.enabled(),
                p.passwordHash(), Set.of());
    }

    public String tokenFor(Person p, TokenScope scope) {
        return tokens.create(p.id(), "test token", scope).secret();
    }

    public Person reload(PersonId id) {
        return people.byId(id).orElseThrow();
    }

    public Person byEmail(String email) {
        return people.byEmail(email).orElseThrow(() -> new AssertionError("nobody with " + email));
    }

    public long countPeople() {
        return jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
    }

    public long mailsTo(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE recipient = ?").param(recipient).query(Long.class)
                .single();
    }

    /** The newest email to that address, as stored in the outbox. */
    public String lastMailTo(String recipient) {
        List<String> bodies = jdbc.sql("SELECT body FROM mail_message WHERE recipient = ? ORDER BY created_at DESC")
                .param(recipient).query(String.class).list();
        if (bodies.isEmpty()) {
            throw new AssertionError("no mail to " + recipient);
        }
        return bodies.get(0);
    }

    /** Messages (notifications included) sent to the person, whatever channel they reach them by. */
    public long messagesTo(PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM comms_recipient WHERE person_id = ?").param(person.value())
                .query(Long.class).single();
    }

    /** The newest message to the person: subject, a blank line, body. */
    public String lastMessageTo(PersonId person) {
        List<String> texts = jdbc.sql("""
                SELECT m.subject || CHR(10) || CHR(10) || m.body FROM comms_message m
                JOIN comms_recipient r ON r.message_id = m.id WHERE r.person_id = ? ORDER BY m.sent_at DESC""")
                .param(person.value()).query(String.class).list();
        if (texts.isEmpty()) {
            throw new AssertionError("no message to " + person);
        }
        return texts.get(0);
    }

    /** The first link in a mail body that starts with the path, e.g. "/invitations/". */
    public static String linkIn(String body, String path) {
        int at = body.indexOf(path);
        if (at < 0) {
            throw new AssertionError("no " + path + " link in: " + body);
        }
        int end = at;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
            end++;
        }
        return body.substring(at, end);
    }

    /** Tables whose rows come with the migrations (reference data), which a first start has too. */
    static final Set<String> KEPT_TABLES = Set.of("flyway_schema_history", "rejection_reason", "scoring_settings",
            "scoring_fit_rule", "scoring_engagement_rule", "scoring_rescore", "routing_settings");

    /** Empties every application table (whatever later parts add), for tests of a first start. */
    public void emptyDatabase() {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'TABLE')""")
                .query(String.class).list().stream().filter(t -> !KEPT_TABLES.contains(t.toLowerCase())).toList();
        if (isPostgres()) {
            jdbc.sql("TRUNCATE " + String.join(", ", tables) + " CASCADE").update();
            return;
        }
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        try {
            tables.forEach(t -> jdbc.sql("TRUNCATE TABLE " + t).update());
        }
        finally {
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

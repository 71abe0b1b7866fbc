package org.smartketing.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.mail.MailOutbox;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.ApiTokens;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Small factories for test data, each person with a unique email so tests never collide. What
 * other parts did (mail, messages) is read through their public faces, never their tables.
 */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final People people;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final LeadIntake intake;
    private final MailOutbox outbox;
    private final ObjectProvider<MockMvc> mvc;
    private final JsonMapper json;

    Fixtures(People people, PasswordEncoder encoder, ApiTokens tokens, JdbcClient jdbc, DataSource dataSource,
            LeadIntake intake, MailOutbox outbox, ObjectProvider<MockMvc> mvc, JsonMapper json) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.people = people;
        this.encoder = encoder;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mvc = mvc;
        this.json = json;
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
        return intake.take(new IncomingLead(email, null, null, null, "Lea", "Lead", null, title, null, null, null, null, null, region, country, null, null, null, null, null, null, null, null, List.of(tags), null, null, null), LeadHistory.Channel.API).lead();
    }

    /** A new lead from the API by name and company, with a unique email. */
    public Lead aLeadNamed(String first, String last, String company) {
        String email = first.toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        return intake.take(new IncomingLead(email, null, null, null, first, last, company, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null, null),
                LeadHistory.Channel.API).lead();
    }

    public Lead aLead(String country) {
        return aLead(country, null, null);
    }

    public static SignedInPerson signedIn(Person p) {
        return new SignedInPerson(p.id(), p.email(), p.displayName(), p.appRole(), p.department(), p.zone(), p.enabled(),
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
        return people.count();
    }

    /** The newest email to that address, as the mail part's outbox keeps it. */
    public String lastMailTo(String recipient) {
        return outbox.to(recipient, 1).stream().findFirst().map(MailOutbox.Mail::body)
                .orElseThrow(() -> new AssertionError("no mail to " + recipient));
    }

    /** Messages (notifications included) that reached the person, whatever channel, as the API lists them to them. */
    public long messagesTo(PersonId person) {
        return messagesApi(person, "/api/v1/messages?box=received&size=1").get("total").asLong();
    }

    /** The newest message to the person, as the API shows it to them: subject, a blank line, body. */
    public String lastMessageTo(PersonId person) {
        JsonNode newest = messagesApi(person, "/api/v1/messages?box=received&size=1").get("items");
        if (newest.isEmpty()) {
            throw new AssertionError("no message to " + person);
        }
        JsonNode id = newest.get(0).get("id"); // a plain string, or {"value": …} as message ids were once written
        JsonNode message = messagesApi(person, "/api/v1/messages/" + (id.isObject() ? id.get("value") : id).asString());
        return message.get("subject").asString() + "\n\n" + message.get("body").asString();
    }

    private JsonNode messagesApi(PersonId person, String path) {
        String token = tokens.create(person, "test fixtures", TokenScope.READ).secret();
        try {
            MvcResult result = mvc.getObject().perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andReturn();
            if (result.getResponse().getStatus() != 200) {
                throw new AssertionError("GET " + path + " answered " + result.getResponse().getStatus());
            }
            return json.readTree(result.getResponse().getContentAsString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
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
            "scoring_fit_rule", "scoring_engagement_rule", "scoring_rescore", "routing_settings",
            "crosstraining_settings", "scheduled_tasks", "suppression_settings");

    /**
     * Empties every application table (whatever later parts add), for tests of a first start. Waits
     * first for the reactions still running after commit (a demo company sets off a few hundred),
     * which would otherwise write while the tables are emptied.
     */
    public void emptyDatabase() {
        Awaitility.await().until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                + " WHERE status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')").query(Long.class).single() == 0);
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'TABLE')""")
                .query(String.class).list().stream().filter(t -> !KEPT_TABLES.contains(t.toLowerCase())).toList();
        // The recurring jobs' rows stay: the application contexts other tests keep running create them
        // only when they start, so without them their event retries and timers would stop for good.
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance <> 'recurring'").update();
        if (isPostgres()) {
            // a background job of the running application (a recurring one reading its table) may
            // deadlock with the TRUNCATE's locks; PostgreSQL gives up one side, so try again
            Awaitility.await().ignoreException(PessimisticLockingFailureException.class).until(() -> {
                jdbc.sql("TRUNCATE " + String.join(", ", tables) + " CASCADE").update();
                return true;
            });
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

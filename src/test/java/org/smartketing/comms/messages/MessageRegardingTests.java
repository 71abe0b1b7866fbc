package org.smartketing.comms.messages;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.tokens.TokenScope;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A person's message may link to a lead (or a meeting, see MeetingMessagesTests); the link is checked first. */
@IntegrationTest
class MessageRegardingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiSendsAMessageAboutALeadAndShowsTheLink() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);
        Lead lead = fixtures.aLead("DE");
        String token = fixtures.tokenFor(mia, TokenScope.READ_WRITE);

        MvcResult sent = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"to": {"person": "%s"}, "urgency": "NORMAL", "subject": "This one is hot",
                         "body": "Call today?", "regarding": {"kind": "lead", "id": "%s"}}"""
                        .formatted(rita.id(), lead.id()))).andReturn();
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(sent.getResponse().getContentAsString()).contains("\"kind\":\"lead\"")
                .contains("\"id\":\"" + lead.id() + "\"").contains("\"path\":\"/leads/" + lead.id() + "\"")
                .contains(lead.displayName());

        String location = sent.getResponse().getHeader(HttpHeaders.LOCATION);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(sent.getResponse().getContentAsString()).as("the message id is a plain string")
                .startsWith("{\"id\":\"" + id + "\"");
        String page = mvc.perform(get("/messages/" + id).with(user(Fixtures.signedIn(rita)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/leads/" + lead.id() + "\"").contains(lead.displayName());
    }

    @Test
    void anUnknownKindOrAThingThatDoesNotExistIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(mia, TokenScope.READ_WRITE);
        String message = """
                {"to": {"person": "%s"}, "urgency": "URGENT", "subject": "Hi", "body": "Call me", "regarding": %s}""";
        // A malformed link is a 400; one to nothing there (or nothing the sender may see) a 404; both name the field.
        Map<String, String> cases = Map.of(
                "{\"kind\": \"invoice\", \"id\": \"" + UUID.randomUUID() + "\"}", "400 regarding.kind",
                "{\"kind\": \"lead\", \"id\": \"" + UUID.randomUUID() + "\"}", "404 regarding.id",
                "{\"kind\": \"meeting\", \"id\": \"" + UUID.randomUUID() + "\"}", "404 regarding.id",
                "{\"kind\": \"lead\", \"id\": \"not-a-uuid\"}", "404 regarding.id",
                "{\"kind\": \"lead\"}", "400 regarding.id",
                "{\"id\": \"" + UUID.randomUUID() + "\"}", "400 regarding.kind");
        long before = messagesFrom(mia);
        for (var entry : cases.entrySet()) {
            MvcResult result = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(message.formatted(rita.id(), entry.getKey())))
                    .andReturn();
            String[] expected = entry.getValue().split(" ");
            assertThat(result.getResponse().getStatus()).as(entry.getKey()).isEqualTo(Integer.parseInt(expected[0]));
            assertThat(result.getResponse().getContentAsString()).as(entry.getKey())
                    .contains("\"field\":\"" + expected[1] + "\"");
        }
        assertThat(messagesFrom(mia)).isEqualTo(before);
    }

    @Test
    void theComposePageOpenedFromALeadSendsAMessageAboutIt() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Lead lead = fixtures.aLead("DE");

        assertThat(mvc.perform(get("/leads/" + lead.id()).with(user(Fixtures.signedIn(admin)))).andReturn().getResponse()
                .getContentAsString()).contains("/messages/new?regarding=lead:" + lead.id());
        String form = mvc.perform(get("/messages/new").param("regarding", "lead:" + lead.id())
                .with(user(Fixtures.signedIn(mia)))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"about\"").contains(lead.displayName())
                .contains("value=\"lead:" + lead.id() + "\"");

        MvcResult sent = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "NORMAL").param("subject", "About this lead")
                .param("body", "Worth a call?").param("regarding", "lead:" + lead.id())).andReturn();
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).as(String.valueOf(sent.getResolvedException())).startsWith("/messages/");
        UUID id = UUID.fromString(location.substring("/messages/".length(), location.indexOf('?')));
        assertThat(jdbc.sql("SELECT regarding_kind || ':' || regarding_id || ' ' || regarding_path FROM comms_message "
                + "WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("lead:" + lead.id() + " /leads/" + lead.id());
    }

    @Test
    void theComposePageRefusesALinkToNothing() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);
        long before = messagesFrom(mia);

        MvcResult refused = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "NORMAL").param("subject", "About this lead")
                .param("body", "Worth a call?").param("regarding", "lead:" + UUID.randomUUID())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isNull();
        assertThat(refused.getResponse().getContentAsString()).contains("regarding-error").contains("regarding.id");
        assertThat(mvc.perform(get("/messages/new").param("regarding", "nothing:" + UUID.randomUUID())
                .with(user(Fixtures.signedIn(mia)))).andReturn().getResponse().getStatus()).as("a kind nobody declares")
                .isEqualTo(400);
        assertThat(mvc.perform(get("/messages/new").param("regarding", "goal:" + UUID.randomUUID())
                .with(user(Fixtures.signedIn(mia)))).andReturn().getResponse().getStatus()).as("no such goal")
                .isEqualTo(404);
        assertThat(messagesFrom(mia)).isEqualTo(before);
    }

    /** Counts only the sender's: jobs left by other tests may send system notifications meanwhile. */
    private long messagesFrom(Person sender) {
        return jdbc.sql("SELECT COUNT(*) FROM comms_message WHERE sender_id = ?").param(sender.id().value())
                .query(Long.class).single();
    }
}

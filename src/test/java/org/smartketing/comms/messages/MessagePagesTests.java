package org.smartketing.comms.messages;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.comms.reach.ReachEditing;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The message pages: compose with field errors, the message with its plan, acknowledge, the lists and measures. */
@IntegrationTest
class MessagePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReachEditing reach;

    @Test
    void composingShowsWhoCanBeReachedAndNamesTheFieldAtFault() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);

        String form = mvc.perform(get("/messages/new").with(user(Fixtures.signedIn(mia)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("person:" + rita.id()).contains("role:Account executive").contains("URGENT");

        MvcResult refused = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "URGENT").param("subject", "Call me")
                .param("body", "")).andReturn();
        assertThat(refused.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("body-error");

        MvcResult unknown = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + UUID.randomUUID()).param("urgency", "URGENT").param("subject", "Call me")
                .param("body", "Now")).andReturn();
        assertThat(unknown.getResponse().getContentAsString()).contains("to-error");
    }

    @Test
    void theRecipientSeesThePlanWithItsReasonsAndAcknowledges() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);

        MvcResult sent = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "NORMAL").param("subject", "Pricing sheet")
                .param("body", "Is the new pricing sheet final?")).andReturn();
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/messages/").endsWith("?sent");
        String id = location.substring("/messages/".length(), location.indexOf('?'));

        String page = mvc.perform(get("/messages/" + id).with(user(Fixtures.signedIn(rita)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Pricing sheet").contains("Who it reached, and why").contains("normal channel 1 of").contains(">Normal<")
                .doesNotContain(">NORMAL<", ">PENDING<", ">IN_APP<", "within 0 min")
                .contains("id=\"acknowledge\"");

        MvcResult ack = mvc.perform(post("/messages/" + id + "/ack").with(user(Fixtures.signedIn(rita))).with(csrf()))
                .andReturn();
        assertThat(ack.getResponse().getRedirectedUrl()).isEqualTo("/messages/" + id);
        String after = mvc.perform(get("/messages/" + id).with(user(Fixtures.signedIn(mia)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("acknowledged by " + rita.displayName()).doesNotContain("id=\"acknowledge\"");

        assertThat(mvc.perform(get("/messages").param("box", "sent").with(user(Fixtures.signedIn(mia)))).andReturn()
                .getResponse().getContentAsString()).contains("Pricing sheet").contains("1 of 1");
        assertThat(mvc.perform(get("/messages").with(user(Fixtures.signedIn(rita)))).andReturn().getResponse()
                .getContentAsString()).contains("Pricing sheet");
        assertThat(mvc.perform(get("/messages/" + id).with(user(Fixtures.signedIn(fixtures.aPerson(AppRole.MEMBER)))))
                .andReturn().getResponse().getStatus()).as("a stranger").isEqualTo(404);
    }

    @Test
    void anFyiPromisesNoResponseAndAsksForNoAcknowledgement() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);

        String location = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "FYI").param("subject", "Webinar slides")
                .param("body", "The slides are in the shared folder.")).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location.substring(0, location.indexOf('?'))).with(user(Fixtures.signedIn(mia))))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Webinar slides", ">FYI<").doesNotContain("promised a response", "not acknowledged");
        assertThat(mvc.perform(get("/messages").param("box", "sent").with(user(Fixtures.signedIn(mia)))).andReturn()
                .getResponse().getContentAsString()).as("no acknowledgement count for an FYI").contains("not needed")
                .doesNotContain("0 of 1");
    }

    @Test
    void theRecipientAcknowledgesFromTheInboxAndTheItemIsReadThen() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);
        String location = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "URGENT").param("subject", "Acme is waiting")
                .param("body", "Please call Acme back today.")).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/messages/".length(), location.indexOf('?'));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox(rita))
                .contains("Acme is waiting", "1 unread", "action=\"/messages/" + id + "/ack\""));

        MvcResult ack = mvc.perform(post("/messages/" + id + "/ack").param("back", "inbox")
                .with(user(Fixtures.signedIn(rita))).with(csrf())).andReturn();

        assertThat(ack.getResponse().getRedirectedUrl()).isEqualTo("/inbox");
        assertThat(inbox(rita)).as("acknowledged means read").contains("Nothing unread.", "Acme is waiting")
                .doesNotContain("action=\"/messages/" + id + "/ack\"");
    }

    @Test
    void aRecipientNothingElseCanReachGetsItInTheAppAndTheSenderIsTold() throws Exception {
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person rita = fixtures.aPerson(AppRole.MEMBER);
        Receivers.expects(reach, rita.id(), List.of("EMAIL"), 15, List.of("EMAIL"), List.of("EMAIL"));  // and no mail server

        String location = mvc.perform(post("/messages").with(user(Fixtures.signedIn(mia))).with(csrf())
                .param("to", "person:" + rita.id()).param("urgency", "NORMAL").param("subject", "Trade fair leads")
                .param("body", "Forty leads from the fair are in.")).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/messages/".length(), location.indexOf('?'));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox(rita)).contains("Trade fair leads"));
        assertThat(mvc.perform(get("/messages/" + id).with(user(Fixtures.signedIn(mia)))).andReturn().getResponse()
                .getContentAsString()).contains("email to " + rita.displayName() + " left out: email is not set up",
                        "so the in-app inbox, as nothing else can reach " + rita.displayName());
        assertThat(inbox(mia)).contains(rita.displayName() + " can only be reached in the app");
    }

    private String inbox(Person person) throws Exception {
        return mvc.perform(get("/inbox").with(user(Fixtures.signedIn(person)))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theMeasuresPageAndEmptyListsRender() throws Exception {
        Person newcomer = fixtures.aPerson(AppRole.MEMBER);
        assertThat(mvc.perform(get("/messages").with(user(Fixtures.signedIn(newcomer)))).andReturn().getResponse()
                .getContentAsString()).contains("Nothing has reached you yet");
        MvcResult measures = mvc.perform(get("/messages/measures").param("days", "30")
                .with(user(Fixtures.signedIn(newcomer)))).andReturn();
        assertThat(measures.getResponse().getStatus()).isEqualTo(200);
        assertThat(measures.getResponse().getContentAsString()).contains("Urgent messages never acknowledged");
    }
}

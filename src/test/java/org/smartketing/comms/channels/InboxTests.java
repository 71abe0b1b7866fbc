package org.smartketing.comms.channels;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.comms.Channel;
import org.smartketing.comms.MessageId;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
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

/** The in-app inbox: newest first with links to the message, and the unread count pushed live as server-sent events. */
@IntegrationTest
class InboxTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    InAppSender inApp;

    @Autowired
    UnreadCounts counts;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void pushesTheUnreadCountWhenADeliveryArrivesAndWhenItIsRead() throws Exception {
        Person person = fixtures.aPerson(AppRole.MEMBER);
        MvcResult stream = mvc.perform(get("/inbox/unread").with(user(Fixtures.signedIn(person)))).andReturn();
        assertThat(stream.getRequest().isAsyncStarted()).isTrue();
        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(stream.getResponse().getContentAsString()).isEqualTo("event:unread\ndata:0\n\n");

        inApp.send(new ChannelDelivery(UUID.randomUUID(), person.id(), person.id().toString(), "Lead assigned",
                "Acme is yours", null, MessageId.random()));
        UUID second = UUID.randomUUID();
        inApp.send(new ChannelDelivery(second, person.id(), person.id().toString(), "SLA warning", "Accept Acme soon",
                null, MessageId.random()));

        eventually(() -> assertThat(stream.getResponse().getContentAsString())
                .endsWith("event:unread\ndata:1\n\nevent:unread\ndata:2\n\n"));

        mvc.perform(post("/inbox/" + second + "/read").with(user(Fixtures.signedIn(person))).with(csrf()));
        eventually(() -> assertThat(stream.getResponse().getContentAsString()).endsWith("data:1\n\n"));
    }

    @Test
    void listsItemsNewestFirstWithALinkToTheirMessageAndPages() throws Exception {
        Person person = fixtures.aPerson(AppRole.MEMBER);
        String empty = mvc.perform(get("/inbox").with(user(Fixtures.signedIn(person)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(empty).contains("Your inbox is empty");
        MessageId first = MessageId.random();
        inApp.send(new ChannelDelivery(UUID.randomUUID(), person.id(), person.id().toString(), "Older one", "x", null,
                first));
        for (int i = 0; i < 25; i++) {
            clock.advance(Duration.ofMillis(1)); // each one newer than the one before
            inApp.send(new ChannelDelivery(UUID.randomUUID(), person.id(), person.id().toString(), "Newer " + i, "y",
                    null, MessageId.random()));
        }

        String page1 = mvc.perform(get("/inbox").with(user(Fixtures.signedIn(person)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page1).contains("26 unread", "Newer 24", "1–25 of 26").doesNotContain("Older one");
        assertThat(page1.indexOf("Newer 24")).isLessThan(page1.indexOf("Newer 23"));
        String page2 = mvc.perform(get("/inbox").param("page", "1").with(user(Fixtures.signedIn(person)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page2).contains("Older one", "href=\"/messages/" + first + "\"");
    }

    /** Pushes happen on this thread after commit, but a stream's clean-up runs on the container's. */
    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion);
    }

    @Test
    void aStreamIsForgottenWhenItsConnectionCloses() throws Exception {
        Person person = fixtures.aPerson(AppRole.MEMBER);
        int before = counts.openStreams();
        MvcResult stream = mvc.perform(get("/inbox/unread").with(user(Fixtures.signedIn(person)))).andReturn();
        assertThat(counts.openStreams()).isEqualTo(before + 1);
        stream.getRequest().getAsyncContext().complete();
        eventually(() -> assertThat(counts.openStreams()).isEqualTo(before));
        assertThat(Channel.IN_APP).isEqualTo(inApp.channel());
    }
}

package org.smartketing.comms.reach;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The "how to reach me" page, the prompt to confirm, and the team charter. */
@IntegrationTest
class ReachPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReachBook book;

    @Autowired
    ReachEditing editing;

    Person rep;
    Person marketer;

    @BeforeEach
    void people() {
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
    }

    @Test
    void promptsOnEveryPageUntilThePersonConfirmsTheirExpectations() throws Exception {
        assertThat(page(get("/"), rep, 200)).contains("reach-prompt", "confirm or change your communication expectations");
        assertThat(page(get("/reach"), rep, 200)).contains("These are the defaults", "Save and confirm")
                .doesNotContain("reach-prompt");

        MvcResult saved = mvc.perform(post("/reach/expectations").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("urgentChannels", "IN_APP", "", "EMAIL", "").param("urgentMinutes", "30")
                .param("normalChannels", "EMAIL").param("normalMinutes", "240")
                .param("fyiChannels", "IN_APP").param("fyiMinutes", "2880")
                .param("quietFrom", "22:00").param("quietUntil", "06:30")).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/reach");
        assertThat(page(get("/"), rep, 200)).doesNotContain("reach-prompt");
        Reach reach = book.reachOf(rep.id(), Instant.now()).orElseThrow();
        assertThat(reach.confirmed()).isTrue();
        assertThat(reach.quietHours()).hasToString("22:00–06:30");
    }

    @Test
    void showsWhyAFormWasRefusedAndSavesNothing() throws Exception {
        String html = page(post("/reach/expectations").with(csrf()).param("urgentChannels", "SMS")
                .param("urgentMinutes", "30").param("normalChannels", "EMAIL").param("normalMinutes", "240")
                .param("fyiChannels", "IN_APP").param("fyiMinutes", "2880"), rep, 400);

        assertThat(html).contains("urgent.channels: SMS is not verified for this person");
        assertThat(book.reachOf(rep.id(), Instant.now()).orElseThrow().confirmed()).isFalse();
        assertThat(page(post("/reach/phone").with(csrf()).param("phone", "12345"), rep, 400))
                .contains("phone: must be in international format");
        assertThat(page(post("/reach/chat").with(csrf()).param("webhookUrl", "http://192.168.1.20/hook"), rep, 400))
                .contains("webhookUrl: this address cannot be used").doesNotContain("192.168.1.20/");
    }

    @Test
    void verifiesAPhoneOnThePageWithTheCodeTheProviderReceived() throws Exception {
        String number = ContactVerificationTests.aMobileNumber();
        MvcResult added = mvc.perform(post("/reach/phone").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("phone", number)).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/reach#phone");
        assertThat(page(get("/reach"), rep, 200)).contains(number, "not verified", "Code we texted you")
                .contains("<option value=\"SMS\" disabled=\"disabled\">");

        String body = LocalReceiver.get().textsTo(number).get(0).form().get("Body");
        String code = body.replaceAll("(?s).*code is (\\d{6}).*", "$1");
        assertThat(page(post("/reach/phone/verify").with(csrf()).param("code", "12 34"), rep, 400))
                .contains("code: is not the code we sent");
        mvc.perform(post("/reach/phone/verify").with(user(Fixtures.signedIn(rep))).with(csrf()).param("code", code));

        assertThat(page(get("/reach"), rep, 200)).contains(number, "verified", "<option value=\"SMS\">")
                .doesNotContain("not verified");
        mvc.perform(post("/reach/phone/remove").with(user(Fixtures.signedIn(rep))).with(csrf()));
        assertThat(page(get("/reach"), rep, 200)).doesNotContain(number).contains("Send me a code");
    }

    @Test
    void takesAnOffGridPeriodInThePersonsOwnZone() throws Exception {
        MvcResult result = mvc.perform(post("/reach/off-grid").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("from", "2031-07-01T18:00").param("until", "2031-07-15T08:00")
                .param("delegateId", marketer.id().toString()).param("urgent", "EMAIL").param("note", "Summer"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reach");
        Reach away = book.reachOf(rep.id(), Instant.parse("2031-07-01T16:00:00Z")).orElseThrow();
        assertThat(away.offGrid()).get().satisfies(o -> {
            assertThat(o.from()).as("18:00 in Berlin's summer").isEqualTo(Instant.parse("2031-07-01T16:00:00Z"));
            assertThat(o.delegate()).isEqualTo(marketer.id());
        });
        assertThat(page(get("/reach"), rep, 200)).contains("1 Jul 2031, 18:00 Europe/Berlin", marketer.displayName(),
                "Summer");
        assertThat(page(post("/reach/off-grid").with(csrf()).param("from", "tomorrow").param("until", "2031-07-15T08:00"),
                rep, 400)).contains("from: must be a date and time");
    }

    @Test
    void showsEveryonesExpectationsWhoIsOffGridUntilWhenAndWhoHasNotConfirmed() throws Exception {
        Instant until = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        editing.addOffGrid(rep.id(), new OffGridInput(Instant.now().minusSeconds(60), until, marketer.id().value(),
                List.of(), List.of(), List.of(), null));
        editing.saveExpectations(marketer.id(), ReachBookTests.expectations(List.of("EMAIL")));
        Person viewer = fixtures.aPerson(AppRole.MEMBER);

        String html = page(get("/charter"), viewer, 200);

        String repRow = row(html, rep.displayName());
        assertThat(repRow).contains("off-grid", "until " + DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
                .format(until.atZone(ZoneId.of("Europe/Berlin"))) + " Europe/Berlin")
                .contains("Delegate: " + marketer.displayName()).contains("not confirmed");
        String marketerRow = row(html, marketer.displayName());
        assertThat(marketerRow).contains("on the grid", "within 1 hour", "within 4 hours", "within 2 days")
                .doesNotContain("not confirmed");

        String sales = page(get("/charter").param("department", "sales"), viewer, 200);
        assertThat(sales).contains(">" + rep.displayName() + "</a>").doesNotContain(">" + marketer.displayName() + "</a>");
        assertThat(page(get("/charter").param("department", "finance"), viewer, 400))
                .contains("department: must be one of");
    }

    private static String row(String html, String name) {
        int at = html.indexOf(">" + name + "</a>");
        assertThat(at).as(name + " on the page").isPositive();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf("</tr>", at));
    }

    private String page(MockHttpServletRequestBuilder request, Person person, int status) throws Exception {
        MvcResult result = mvc.perform(request.with(user(Fixtures.signedIn(person)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }
}

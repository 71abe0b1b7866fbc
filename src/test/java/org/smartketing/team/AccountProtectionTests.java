package org.smartketing.team;

import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.mail.MailOutbox;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.people.PersonAdministration;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a password reset or change ends, what disabling someone ends for good, and throttling that
 * nobody can turn against someone else's account (OWASP authentication guidance).
 */
@IntegrationTest
class AccountProtectionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    MailOutbox outbox;

    @Autowired
    PersonAdministration administration;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPasswordResetEndsTheSessionsThatKnewTheOldPasswordAndMayRevokeTheTokens() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        Cookie old = signIn(rep, "10.1.0.1");
        String token = fixtures.tokenFor(rep, TokenScope.READ);
        assertThat(mvc.perform(get("/").cookie(old)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(post("/password-reset").with(csrf()).param("email", rep.email()));
        String link = Fixtures.linkIn(fixtures.lastMailTo(rep.email()), "/password-reset/");
        MvcResult reset = mvc.perform(post(link).with(csrf()).param("password", "a brand new secret")
                .param("confirmation", "a brand new secret").param("revokeTokens", "true")).andReturn();
        assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/login");

        MvcResult afterwards = mvc.perform(get("/").cookie(old)).andReturn();
        assertThat(afterwards.getResponse().getRedirectedUrl()).as("the old session").isEqualTo("/login?ended");
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).as("a token issued before the reset").isEqualTo(401);
    }

    @Test
    void aPasswordChangeKeepsThisSessionAndEndsEveryOther() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        Cookie laptop = signIn(rep, "10.1.0.2");
        Cookie phone = signIn(rep, "10.1.0.3");
        String token = fixtures.tokenFor(rep, TokenScope.READ);

        MvcResult wrongCurrent = mvc.perform(post("/profile/password").cookie(laptop).with(csrf())
                .param("current", "not my password").param("password", "a brand new secret")
                .param("confirmation", "a brand new secret")).andReturn();
        assertThat(wrongCurrent.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrongCurrent.getResponse().getContentAsString()).contains("current-error");

        MvcResult changed = mvc.perform(post("/profile/password").cookie(laptop).with(csrf())
                .param("current", Fixtures.PASSWORD).param("password", "a brand new secret")
                .param("confirmation", "a brand new secret")).andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/people/" + rep.id());

        assertThat(mvc.perform(get("/").cookie(laptop)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/").cookie(phone)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).as("tokens stay unless asked").isEqualTo(200);
    }

    @Test
    void enablingSomeoneAgainDoesNotReviveTokensIssuedBeforeTheyWereDisabled() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(rep, TokenScope.READ);

        administration.setEnabled(rep.id(), false, admin.id());
        administration.setEnabled(rep.id(), true, admin.id());

        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.tokenFor(rep, TokenScope.READ))).andReturn().getResponse().getStatus())
                .as("a token issued after").isEqualTo(200);
    }

    @Test
    void failuresFromAnAttackersAddressDoNotLockTheOwnerOutElsewhere() throws Exception {
        Person victim = fixtures.aPerson(AppRole.MEMBER);
        for (int i = 0; i < 25; i++) {
            attempt(victim, "wrong-" + i, "10.66.0.1");
        }

        assertThat(attempt(victim, Fixtures.PASSWORD, "10.66.0.1")).as("the attacker's address").isEqualTo("/login?throttled");
        assertThat(attempt(victim, Fixtures.PASSWORD, "10.2.0.1")).as("the owner, elsewhere").isEqualTo("/");
    }

    @Test
    void eachFurtherFailureFromTheSameAddressDoublesTheWait() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        for (int i = 0; i < 5; i++) {
            attempt(rep, "wrong-" + i, "10.3.0.1");
        }
        assertThat(attempt(rep, Fixtures.PASSWORD, "10.3.0.1")).isEqualTo("/login?throttled");

        clock.advance(Duration.ofMillis(1100));
        assertThat(attempt(rep, "wrong-again", "10.3.0.1")).as("one more try after a second").isEqualTo("/login?error");
        clock.advance(Duration.ofMillis(1100));
        assertThat(attempt(rep, Fixtures.PASSWORD, "10.3.0.1")).as("now two seconds").isEqualTo("/login?throttled");
        clock.advance(Duration.ofMillis(1000));
        assertThat(attempt(rep, Fixtures.PASSWORD, "10.3.0.1")).isEqualTo("/");
    }

    @Test
    void theAccountLimitFromEverywhereIsFarHigherAndTellsTheOwner() throws Exception {
        Person victim = fixtures.aPerson(AppRole.MEMBER);
        for (int address = 0; address < 19; address++) {
            for (int i = 0; i < 5; i++) {
                attempt(victim, "wrong-" + i, "10.4." + address + ".1");
            }
        }
        assertThat(attempt(victim, Fixtures.PASSWORD, "10.5.0.1")).as("95 failures from 19 addresses").isEqualTo("/");
        assertThat(outbox.to(victim.email(), 10)).noneMatch(m -> m.subject().contains("failed sign-ins"));

        for (int address = 0; address < 20; address++) {
            for (int i = 0; i < 5; i++) {
                attempt(victim, "wrong-" + i, "10.6." + address + ".1");
            }
        }

        assertThat(attempt(victim, Fixtures.PASSWORD, "10.7.0.1")).as("100 failures from everywhere").isEqualTo("/login?throttled");
        assertThat(outbox.to(victim.email(), 10)).filteredOn(m -> m.subject().contains("failed sign-ins")).hasSize(1);
    }

    @Test
    void resetLinksAreLimitedPerAccountAndRequestsPerAddress() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        for (int i = 0; i < 5; i++) {
            MvcResult asked = mvc.perform(post("/password-reset").with(csrf()).with(from("10.8." + i + ".1"))
                    .param("email", rep.email())).andReturn();
            assertThat(asked.getResponse().getRedirectedUrl()).as("always the same answer").isEqualTo("/login");
        }
        assertThat(outbox.to(rep.email(), 10)).filteredOn(m -> m.subject().startsWith("Reset your")).hasSize(3);

        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = mvc.perform(post("/password-reset").with(csrf()).with(from("10.9.0.1"))
                    .param("email", "someone" + i + "@example.com")).andReturn().getResponse().getStatus();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("requests after the tenth from one address").isEqualTo(2);
    }

    private String attempt(Person person, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("email", person.email())
                .param("password", password)).andReturn().getResponse().getRedirectedUrl();
    }

    private Cookie signIn(Person person, String address) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(from(address)).param("email", person.email())
                .param("password", Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return result.getResponse().getCookie("SESSION"); // the session lives in the database
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

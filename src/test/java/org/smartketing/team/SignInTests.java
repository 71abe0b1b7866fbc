package org.smartketing.team;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    String base;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JsonMapper json;

    @Autowired
    org.smartketing.team.tokens.ApiTokens tokens;

    @Autowired
    org.smartketing.team.people.People people;

    @BeforeEach
    void server() {
        base = "http://localhost:" + port;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signsInWithTheEmailInAnyCaseAndChangesTheSessionId() throws Exception {
        fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String sessionBefore = sessionCookie(cookies);
        String csrfToken = loginPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(rep.email().toUpperCase(),
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrfToken)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sessionBefore).as("session cookie from the login page").isNotBlank();
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(sessionCookie(cookies)).isNotBlank().isNotEqualTo(sessionBefore);
    }

    private static String sessionCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    @Test
    void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        MvcResult wrong = mvc.perform(formLogin("/login").userParameter("email").user(rep.email()).password("nope-nope-nope"))
                .andReturn();
        MvcResult unknown = mvc.perform(formLogin("/login").userParameter("email").user("nobody@example.com")
                .password("nope-nope-nope")).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void throttlesAnAccountAfterFiveFailedSignInsEvenWithTheRightPassword() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").userParameter("email").user(rep.email()).password("wrong-" + i));
        }
        MvcResult right = mvc.perform(formLogin("/login").userParameter("email").user(rep.email())
                .password(Fixtures.PASSWORD)).andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?throttled");

        MvcResult basic = mvc.perform(post("/api/v1/tokens").with(httpBasic(rep.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"scope\": \"read\"}")).andReturn();
        assertThat(basic.getResponse().getStatus()).isEqualTo(429);
        assertThat(basic.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void disabledPeopleCannotSignIn() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/people/" + rep.id() + "/disable").with(user(Fixtures.signedIn(admin))).with(csrf()));

        MvcResult result = mvc.perform(formLogin("/login").userParameter("email").user(rep.email())
                .password(Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(fixtures.reload(rep.id()).enabled()).isFalse();
    }

    @Test
    void disablingSomeoneSignsThemOutOfTheSessionTheyHave() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        Cookie session = signIn(rep);
        assertThat(mvc.perform(get("/people").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(post("/people/" + rep.id() + "/disable").with(user(Fixtures.signedIn(admin))).with(csrf()));

        MvcResult next = mvc.perform(get("/people").cookie(session)).andReturn();
        assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/people").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .as("the session is gone, not only refused once").endsWith("/login");
    }

    @Test
    void aNewRoleAppliesFromTheNextPageWithoutSigningInAgain() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        Cookie session = signIn(rep);
        assertThat(mvc.perform(get("/admin/audit").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(403);

        mvc.perform(post("/people/" + rep.id()).with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("email", rep.email()).param("displayName", rep.displayName()).param("department", "OPERATIONS")
                .param("appRole", "ADMIN").param("timeZone", "Europe/Berlin").param("workStart", "09:00")
                .param("workEnd", "17:00").param("workDays", "MONDAY"));

        MvcResult audit = mvc.perform(get("/admin/audit").param("entityId", rep.id().toString()).cookie(session)).andReturn();
        assertThat(audit.getResponse().getStatus()).isEqualTo(200);
        assertThat(audit.getResponse().getContentAsString()).as("the change field by field, not as JSON")
                .contains("<strong>App role</strong>:", "<ins>ADMIN</ins>").doesNotContain("{&quot;");
    }

    private Cookie signIn(Person person) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").userParameter("email").user(person.email())
                .password(Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return result.getResponse().getCookie("SESSION"); // Spring Session's cookie: the session lives in the database
    }

    @Test
    void resetsAForgottenPasswordThroughAOneTimeEmailedLink() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/password-reset").with(csrf()).param("email", " " + rep.email().toUpperCase() + " "));
        String link = Fixtures.linkIn(fixtures.lastMailTo(rep.email()), "/password-reset/");

        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);
        MvcResult saved = mvc.perform(post(link).with(csrf()).param("password", "a brand new secret")
                .param("confirmation", "a brand new secret")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/login");

        assertThat(mvc.perform(formLogin("/login").userParameter("email").user(rep.email()).password("a brand new secret"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(formLogin("/login").userParameter("email").user(rep.email()).password(Fixtures.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).as("used link").isEqualTo(404);
    }

    @Test
    void aForgedHostCannotRedirectTheResetLink() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/password-reset").with(csrf()).param("email", rep.email()).header("Host", "attacker.example")
                .header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "https"));
        assertThat(fixtures.lastMailTo(rep.email())).contains("http://localhost").doesNotContain("attacker");
    }

    @Test
    void aResetLinkExpiresAfterAnHour() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/password-reset").with(csrf()).param("email", rep.email()));
        String link = Fixtures.linkIn(fixtures.lastMailTo(rep.email()), "/password-reset/");
        clock.advance(Duration.ofMinutes(61));
        MvcResult late = mvc.perform(post(link).with(csrf()).param("password", "a brand new secret")
                .param("confirmation", "a brand new secret")).andReturn();
        assertThat(late.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void answersTheSameForAnUnknownAddressAndSendsNothing() throws Exception {
        MvcResult result = mvc.perform(post("/password-reset").with(csrf()).param("email", "ghost@example.com")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(result.getFlashMap().get("flash").toString()).contains("If ghost@example.com belongs to an account");
    }

    @Test
    void anInvitationLinkSetsThePasswordOnceAndExpiresAfterAWeek() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String email = "new.hire." + System.nanoTime() + "@example.com";
        mvc.perform(post("/people").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("email", email).param("displayName", "New Hire")
                .param("department", "MARKETING").param("appRole", "MEMBER").param("timeZone", "Asia/Tokyo")
                .param("workStart", "09:00").param("workEnd", "18:00").param("workDays", "MONDAY", "FRIDAY"));
        Person hire = fixtures.byEmail(email);
        String link = Fixtures.linkIn(fixtures.lastMailTo(hire.email()), "/invitations/");

        MvcResult accepted = mvc.perform(post(link).with(csrf()).param("password", "my own password")
                .param("confirmation", "my own password")).andReturn();
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(404);

        Person other = fixtures.anInvitedPerson();
        mvc.perform(post("/people/" + other.id() + "/invitation").with(user(Fixtures.signedIn(admin))).with(csrf()));
        String otherLink = Fixtures.linkIn(fixtures.lastMailTo(other.email()), "/invitations/");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(mvc.perform(get(otherLink)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void issuesATokenForBasicCredentialsThatThenWorksUntilRevoked() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        MvcResult issued = mvc.perform(post("/api/v1/tokens").with(httpBasic(rep.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"crm sync\", \"scope\": \"read\"}")).andReturn();
        assertThat(issued.getResponse().getStatus()).isEqualTo(201);
        String token = json.readTree(issued.getResponse().getContentAsString()).get("token").asString();
        assertThat(token).startsWith("smk_");

        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .as("read scope cannot write").isEqualTo(403);

        MvcResult page = mvc.perform(get("/tokens").with(user(Fixtures.signedIn(rep)))).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("crm sync").doesNotContain(token)
                .doesNotContain(">Never<");
    }

    @Test
    void aRevokedOrUnknownTokenIsRefused() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        mvc.perform(post("/tokens").with(user(Fixtures.signedIn(rep))).with(csrf()).param("name", "laptop")
                .param("scope", "READ_WRITE"));
        MvcResult list = mvc.perform(get("/tokens").with(user(Fixtures.signedIn(rep)))).andReturn();
        String html = list.getResponse().getContentAsString();
        String revokeUrl = html.substring(html.indexOf("/tokens/"), html.indexOf("/revoke") + "/revoke".length());

        mvc.perform(post(revokeUrl).with(user(Fixtures.signedIn(rep))).with(csrf()));
        String token = fixtures.tokenFor(rep, org.smartketing.team.tokens.TokenScope.READ);
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer smk_forged"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/tokens").with(user(Fixtures.signedIn(rep)))).andReturn().getResponse()
                .getContentAsString()).contains("Revoked");
    }

    @Test
    void aDisabledPersonsTokensStopWorking() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(rep, org.smartketing.team.tokens.TokenScope.READ);
        mvc.perform(post("/people/" + rep.id() + "/disable").with(user(Fixtures.signedIn(admin))).with(csrf()));
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aTokenInUseStopsWorkingTheMomentItIsRevoked() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(rep, org.smartketing.team.tokens.TokenScope.READ);
        assertThat(apiStatus(token)).isEqualTo(200);
        assertThat(apiStatus(token)).as("remembered").isEqualTo(200);

        java.util.UUID id = tokens.ofOwner(rep.id()).get(0).id();
        mvc.perform(post("/tokens/" + id + "/revoke").with(user(Fixtures.signedIn(rep))).with(csrf()));

        assertThat(apiStatus(token)).isEqualTo(401);
    }

    @Test
    void aTokenInUseStopsWorkingTheMomentItsOwnerIsDisabled() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(rep, org.smartketing.team.tokens.TokenScope.READ);
        assertThat(apiStatus(token)).isEqualTo(200);

        mvc.perform(post("/people/" + rep.id() + "/disable").with(user(Fixtures.signedIn(admin))).with(csrf()));

        assertThat(apiStatus(token)).isEqualTo(401);
    }

    @Test
    void aTokenInUseActsWithItsOwnersNewRoleAtOnce() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String token = fixtures.tokenFor(admin, org.smartketing.team.tokens.TokenScope.READ_WRITE);
        assertThat(mvc.perform(get("/api/v1/people/" + admin.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(200);

        people.update(fixtures.reload(admin.id()).withPlacement(Department.SALES, AppRole.MEMBER, null,
                java.time.Instant.now()));

        assertThat(mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .as("an admin-only write by a member now").isEqualTo(403);
    }

    @Test
    void theApiCreatesNoSession() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(rep, org.smartketing.team.tokens.TokenScope.READ);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue(HttpHeaders.SET_COOKIE)).isEmpty();
    }

    private int apiStatus(String token) throws Exception {
        return mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void sendsSecureHeadersOnPages() throws Exception {
        MvcResult page = mvc.perform(get("/login")).andReturn();
        assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void refusesAFormPostWithoutTheCsrfToken() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        MvcResult result = mvc.perform(post("/profile").with(user(Fixtures.signedIn(rep))).param("displayName", "Hacked")
                .param("timeZone", "UTC").param("workStart", "09:00").param("workEnd", "17:00")
                .param("workDays", "MONDAY")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(fixtures.reload(rep.id()).displayName()).isEqualTo(rep.displayName());
    }
}

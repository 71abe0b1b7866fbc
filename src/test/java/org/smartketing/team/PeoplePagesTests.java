package org.smartketing.team;

import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@IntegrationTest
class PeoplePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void pagesThroughALongListKeepingTheFilter() throws Exception {
        Person me = fixtures.aPerson(AppRole.MEMBER);
        for (int i = 0; i < 30; i++) {
            fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        }
        String first = mvc.perform(get("/people?department=MARKETING").with(user(Fixtures.signedIn(me))))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("rel=\"next\"", "department=MARKETING", "page=1").doesNotContain("rel=\"prev\"");

        String second = mvc.perform(get("/people?department=MARKETING&page=1")
                .with(user(Fixtures.signedIn(me)))).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("rel=\"prev\"", "26–");
    }

    @Test
    void saysSoWhenNobodyMatches() throws Exception {
        Person me = fixtures.aPerson(AppRole.MEMBER);
        String page = mvc.perform(get("/people").param("q", "no-such-person-" + System.nanoTime())
                .with(user(Fixtures.signedIn(me)))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nobody matches");
    }

    @Test
    void hidesDisabledPeopleUnlessAsked() throws Exception {
        Person me = fixtures.aPerson(AppRole.MEMBER);
        Person gone = fixtures.aPerson(AppRole.MEMBER);
        jdbc.sql("UPDATE person SET enabled = FALSE WHERE id = ?").param(gone.id().value()).update();
        String hidden = mvc.perform(get("/people").param("q", gone.displayName())
                .with(user(Fixtures.signedIn(me)))).andReturn().getResponse().getContentAsString();
        assertThat(hidden).contains("Nobody matches");
        String shown = mvc.perform(get("/people").param("q", gone.displayName()).param("showDisabled", "true")
                .with(user(Fixtures.signedIn(me)))).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains(gone.displayName());
    }
}

package org.smartketing.crosstraining;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.crosstraining.coverage.Coverage;
import org.smartketing.crosstraining.measures.Measures;
import org.smartketing.crosstraining.sessions.OfferStore;
import org.smartketing.crosstraining.sessions.Offers;
import org.smartketing.crosstraining.sessions.Reflections;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.SessionStore;
import org.smartketing.meetings.running.RunnerStore;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.demo.DemoCompany;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo company's cross-training, as issue 11 asks for it. */
@IntegrationTest
class CrossTrainingDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SessionStore sessions;

    @Autowired
    Reflections reflections;

    @Autowired
    OfferStore offerStore;

    @Autowired
    Offers offers;

    @Autowired
    Coverage coverage;

    @Autowired
    Measures measures;

    @Autowired
    RunnerStore actionItems;

    @Test
    void theDemoShowsShadowingReflectionsAPlannedSessionAnOfferAnAskAGapAndFewerRejections() throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));
        Person sofia = fixtures.byEmail("sofia.rossi" + DemoCompany.DOMAIN);
        Person carlos = fixtures.byEmail("carlos.mendes" + DemoCompany.DOMAIN);

        List<Session> hers = sessions.involving(sofia.id());
        assertThat(hers).hasSize(2).allSatisfy(s -> assertThat(s.work().type()).isEqualTo("DEMO"));
        assertThat(hers.stream().flatMap(s -> reflections.of(s.id()).stream()).toList()).hasSize(2)
                .filteredOn(r -> r.actionItemId() != null).hasSize(1);
        assertThat(actionItems.ownedBy(sofia.id(), true)).extracting(i -> i.text())
                .contains("Ask for budget range and timing on the demo request form");
        assertThat(sessions.involving(carlos.id())).extracting(s -> s.work() == null ? "PLANNED" : s.work().type())
                .containsExactlyInAnyOrder("CAMPAIGN", "PLANNED");
        assertThat(sessions.all()).filteredOn(s -> s.kind() == Session.Kind.PLANNED).singleElement()
                .satisfies(s -> assertThat(s.topic()).contains("Lead scoring"));
        assertThat(offers.open()).hasSize(1);
        assertThat(offerStore.openAsks()).hasSize(1);

        Coverage.Matrix m = coverage.matrix();
        assertThat(m.roleGaps()).extracting(Coverage.RoleStatus::role).contains("Content marketer", "Account executive");
        assertThat(m.role("Account executive").seenBy()).isEqualTo(1);

        Measures.Report r = measures.report(null, null);
        assertThat(r.marketers().enough()).isTrue();
        assertThat(r.marketers().participantsBefore().rejectionRate()).isGreaterThan(
                r.marketers().participantsAfter().rejectionRate());
        assertThat(r.marketers().difference()).isNegative();
        assertThat(r.marketers().verdict()).startsWith("Rejections moved -");
        assertThat(r.reflectionsWritten()).isEqualTo(2);
        assertThat(r.reflectionsDue()).isEqualTo(3);
        assertThat(r.to()).isAfter(LocalDate.now().minusDays(1));
    }
}

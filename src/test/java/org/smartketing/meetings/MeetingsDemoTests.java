package org.smartketing.meetings;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.meetings.running.Board;
import org.smartketing.meetings.running.Boards;
import org.smartketing.meetings.FollowThrough;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.demo.DemoCompany;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo company's weekly sync, and the follow-through measured from it. */
@IntegrationTest
class MeetingsDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SeriesStore series;

    @Autowired
    MeetingStore meetings;

    @Autowired
    Boards boards;

    @Autowired
    FollowThrough measures;

    @Test
    void theDemoSyncHasPastMeetingsWithPlansAndCommitmentsAndItsFollowThroughIsMeasured() throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));

        Series sync = series.all().stream().filter(s -> s.title().equals("Smartketing sync")).findFirst().orElseThrow();
        List<Meeting> all = meetings.ofSeries(sync.id());
        assertThat(all).hasSize(12);
        assertThat(all.subList(0, 4)).allSatisfy(m -> assertThat(m.status()).isEqualTo(Meeting.Status.CLOSED));
        Board last = boards.of(all.get(3).id(), null);
        assertThat(last.ideas()).hasSize(2);
        assertThat(last.items()).hasSize(3);
        assertThat(last.commitments()).hasSize(3);
        assertThat(last.averageRating()).isBetween(6.0, 10.0);
        Board next = boards.of(all.get(4).id(), null);
        assertThat(next.followUp()).extracting(i -> i.text()).as("open items carry over to the next meeting")
                .contains("Rewrite the nurture mail with the objections", "Tag webinar leads by session attended")
                .doesNotContain("Draft the one-page pricing sheet", "Build the 'not now' retargeting audience");

        FollowThrough.Report report = measures.report();
        FollowThrough.Rate emma = report.byPerson().stream().filter(r -> r.name().equals("Emma Johansson")).findFirst()
                .orElseThrow();
        assertThat(emma.committed()).isEqualTo(2);
        assertThat(emma.doneOnTime()).as("one on time, one two days late").isEqualTo(1);
        assertThat(report.bySeries()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Smartketing sync");
            assertThat(r.rate()).isBetween(0.0, 1.0);
        });
        assertThat(report.byDepartment()).extracting(FollowThrough.Rate::name).contains("Sales", "Marketing");
        assertThat(report.ratings()).singleElement().satisfies(r -> assertThat(r.ratings()).isEqualTo(24));
        assertThat(report.flagged()).isEmpty();

        Person maya = fixtures.byEmail("maya.chen" + DemoCompany.DOMAIN);
        String json = mvc.perform(get("/api/v1/meeting-measures").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.tokenFor(maya, TokenScope.READ))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(json, "$.bySeries[*].name")).containsExactly("Smartketing sync");
    }
}

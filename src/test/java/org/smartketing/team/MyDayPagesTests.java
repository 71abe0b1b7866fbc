package org.smartketing.team;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.sla.AgreementTerms;
import org.smartketing.funnel.sla.ClockRun;
import org.smartketing.funnel.sla.Handoffs;
import org.smartketing.funnel.sla.SlaAgreements;
import org.smartketing.goals.GoalTeam;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.meetings.ActionItems;
import org.smartketing.meetings.Plans;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * "My day", the home page: each part's card from its own data, for a rep and for a manager, with
 * times in the viewer's zone and plain-word empty states.
 */
@IntegrationTest
class MyDayPagesTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    SlaAgreements agreements;

    @Autowired
    Messenger messenger;

    @Autowired
    ActionItems actionItems;

    @Autowired
    MeetingPlanning meetings;

    @Autowired
    GoalPlanning goals;

    @Autowired
    Teams teams;

    Handoffs handoffs;

    @BeforeEach
    void anEmptyCompanyWithRoomyTerms() {
        fixtures.emptyDatabase();
        handoffs = new Handoffs(context);
        Person somebody = handoffs.person("Head", AppRole.MANAGER, null);
        // 60 working hours to accept: leads assigned days apart fall due days apart, none breached
        agreements.change(new AgreementTerms(60, 80, 50), Fixtures.signedIn(somebody));
    }

    @Test
    void aRepSeesTheirMqlsWithTimeLeftTheFirstToBreachFirstTheirMessagesActionItemsAndMeetingsToday() throws Exception {
        Person rep = handoffs.aRepWithAManager();
        Person manager = handoffs.personById(rep.managerId());
        LeadId later = handoffs.anMql();
        handoffs.assign(later, rep, Instant.now());
        LeadId sooner = handoffs.anMql();
        handoffs.assign(sooner, rep, Instant.now().minus(3, ChronoUnit.DAYS));
        messenger.send(NewMessage.system(rep.id(), Urgency.URGENT, "Call Acme back today", "They asked twice.", null));
        messenger.send(NewMessage.system(rep.id(), Urgency.FYI, "The office is closed on Friday", "Enjoy.", null));
        actionItems.create(new ActionItems.NewActionItem("Send the Acme proposal", rep.id(), LocalDate.now(BERLIN),
                "Pipeline review", "/meetings", null), manager.id());
        actionItems.create(new ActionItems.NewActionItem("Plan the spring webinar", rep.id(), LocalDate.now(BERLIN)
                .plusDays(30), "Pipeline review", "/meetings", null), manager.id());
        LocalDateTime soon = LocalDateTime.now(BERLIN).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        meetings.create(Plans.weekly("Deal desk", soon, 1, manager, rep), Fixtures.signedIn(manager));

        String day = home(rep);

        String mqls = card(day, "day-mqls");
        assertThat(mqls).contains("MQLs waiting for me").contains("href=\"/leads/" + sooner + "\"")
                .contains("href=\"/leads/" + later + "\"").contains("left, until").contains("breaches first");
        assertThat(mqls.indexOf("/leads/" + sooner)).as("the one due first comes first")
                .isLessThan(mqls.indexOf("/leads/" + later));
        assertThat(mqls).as("its due time in the rep's zone").contains(shownInBerlin(acceptDue(sooner)));
        assertThat(card(day, "day-messages")).contains("Call Acme back today").contains("Urgent, from")
                .doesNotContain("The office is closed on Friday");
        assertThat(card(day, "day-action-items")).contains("Send the Acme proposal").contains("due today")
                .doesNotContain("Plan the spring webinar");
        if (soon.toLocalDate().equals(LocalDate.now(BERLIN))) { // not in the last minutes before midnight
            assertThat(card(day, "day-meetings")).contains("Deal desk")
                    .contains(soon.format(DateTimeFormatter.ofPattern("HH:mm")) + "–");
        }
        assertThat(card(day, "day-goals")).contains("You own no activity of a running goal.");
        assertThat(day).as("a rep sees no manager's cards").doesNotContain("id=\"day-breaches\"")
                .doesNotContain("id=\"day-unrouted\"");
        assertThat(day).contains("class=\"stat-tile").contains("href=\"#day-mqls\"");
    }

    @Test
    void aManagerSeesTheirTeamsBreachesAndTheUnroutedLeads() throws Exception {
        Person rep = handoffs.aRepWithAManager();
        Person manager = handoffs.personById(rep.managerId());
        Person otherTeamsRep = handoffs.aRepWithAManager();
        LeadId late = handoffs.anMql();
        handoffs.assign(late, rep, Instant.now().minus(60, ChronoUnit.DAYS));
        LeadId lateElsewhere = handoffs.anMql();
        handoffs.assign(lateElsewhere, otherTeamsRep, Instant.now().minus(60, ChronoUnit.DAYS));
        LeadId unrouted = handoffs.anMql();

        await("the breach job has run").atMost(Duration.ofSeconds(20))
                .until(() -> handoffs.runs(late).stream().allMatch(r -> r.breachedAt() != null));
        String day = home(manager);

        assertThat(card(day, "day-breaches")).contains("SLA breaches in my team").contains("href=\"/leads/" + late + "\"")
                .contains(rep.displayName() + ", accept or reject: breached").contains("ago")
                .doesNotContain("/leads/" + lateElsewhere);
        assertThat(card(day, "day-unrouted")).contains("Unrouted leads").contains("href=\"/leads/" + unrouted + "\"")
                .contains("came in").doesNotContain("/leads/" + late + "\"")
                .contains("href=\"/leads?stage=MQL&amp;owner=nobody\"");
        assertThat(card(day, "day-mqls")).as("their own queue too").contains("No MQL is waiting for you.");
    }

    @Test
    void aGoalsActivitiesShowOnTheirOwnersDay() throws Exception {
        GoalTeam team = GoalTeam.of(fixtures, teams);
        goals.set(team.fortyCustomers(), team.as(team.rep()));

        assertThat(card(home(team.rep()), "day-goals")).contains("Demos for 40 new customers")
                .containsPattern("0 of \\d+ done");
    }

    @Test
    void aDayWithNothingInItSaysSoInPlainWordsWithTheWayToTheWork() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        Person admin = fixtures.aPerson(AppRole.ADMIN);

        String day = home(rep);
        assertThat(day).contains("No MQL is waiting for you.", "You have acknowledged every message sent to you.",
                "No action item of yours is due this week.", "No meeting for you today.",
                "You own no activity of a running goal.");
        assertThat(day).contains("href=\"/leads?stage=MQL&amp;owner=me\"", "href=\"/action-items\"", "href=\"/goals/mine\"");
        String adminsDay = home(admin);
        assertThat(card(adminsDay, "day-breaches")).contains("Nobody reports to you");
        assertThat(card(adminsDay, "day-unrouted")).contains("Every MQL has an owner");
    }

    @Test
    void theLeadListNarrowsToTheUnroutedLeadsTheManagersCardLinksTo() throws Exception {
        Person rep = handoffs.aRepWithAManager();
        LeadId owned = handoffs.anMql();
        handoffs.assign(owned, rep, Instant.now());
        LeadId unrouted = handoffs.anMql();

        String list = page("/leads?stage=MQL&owner=nobody", handoffs.personById(rep.managerId()));
        assertThat(list).contains("/leads/" + unrouted).doesNotContain("/leads/" + owned);
    }

    private Instant acceptDue(LeadId lead) {
        return handoffs.runs(lead).stream().filter(r -> r.clock() == ClockRun.Kind.ACCEPT).findFirst().orElseThrow()
                .dueAt();
    }

    private static String shownInBerlin(Instant at) {
        var local = at.atZone(BERLIN);
        String pattern = local.toLocalDate().equals(LocalDate.now(BERLIN)) ? "HH:mm" : "d MMM, HH:mm";
        return local.format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
    }

    /** One card of the page: from its article to the next. */
    private static String card(String page, String id) {
        int start = page.indexOf("<article id=\"" + id + "\"");
        assertThat(start).as("card " + id).isNotNegative();
        int end = page.indexOf("</article>", start);
        return page.substring(start, end);
    }

    private String home(Person as) throws Exception {
        return page("/", as);
    }

    private String page(String path, Person as) throws Exception {
        MvcResult result = mvc.perform(get(path).locale(Locale.UK).with(user(Fixtures.signedIn(as)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}

package org.smartketing.funnel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.FunnelFigures.ChangeQuery;
import org.smartketing.funnel.FunnelFigures.Dimension;
import org.smartketing.funnel.FunnelFigures.EntryQuery;
import org.smartketing.funnel.FunnelFigures.StageChange;
import org.smartketing.funnel.FunnelFigures.StageChangePage;
import org.smartketing.funnel.FunnelFigures.StageEntryCount;
import org.smartketing.funnel.campaigns.CampaignDetails;
import org.smartketing.funnel.campaigns.CampaignPlanning;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.PersonId;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What the funnel's read face answers goals and insights: stage entries, the stage history page by page. */
@IntegrationTest
class FunnelFiguresTests {

    @Autowired
    FunnelFigures figures;

    @Autowired
    LeadIntake intake;

    @Autowired
    LeadStages stages;

    @Autowired
    Leads leads;

    @Autowired
    CampaignPlanning campaigns;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void countsStageEntriesPerDayWeekAndMonthKeptApartBySourceCampaignAndOwner() {
        String web = unique("web");
        String event = unique("event");
        CampaignId spring = aCampaign();
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        LocalDate first = today();
        LeadId a = aLead(web, spring);
        aLead(web, null);
        aLead(event, spring);
        ownedBy(a, rep);
        mql(a);
        clock.advance(Duration.ofDays(8));
        LocalDate later = today();
        aLead(web, spring);
        DayRange days = new DayRange(first, later.plusDays(1));

        assertThat(figures.stageEntries(EntryQuery.over(days, Grouping.DAY).into(Stage.NEW).fromSource(web)))
                .extracting(StageEntryCount::periodStart, StageEntryCount::entries)
                .containsExactly(tuple(first, 2L),
                        tuple(later, 1L));
        assertThat(figures.stageEntries(EntryQuery.over(days, Grouping.WHOLE).into(Stage.NEW).inCampaign(spring)
                .by(Dimension.SOURCE))).extracting(StageEntryCount::periodStart, StageEntryCount::source,
                        StageEntryCount::entries)
                .containsExactlyInAnyOrder(tuple(first, web, 2L),
                        tuple(first, event, 1L));
        assertThat(figures.stageEntries(EntryQuery.over(days, Grouping.WEEK).fromSource(web).by(Dimension.CAMPAIGN)))
                .as("weeks start on Monday, the first one on the range's first day")
                .allSatisfy(c -> assertThat(c.periodStart().getDayOfWeek() == java.time.DayOfWeek.MONDAY
                        || c.periodStart().equals(first)).isTrue())
                .filteredOn(c -> c.stage() == Stage.NEW && c.campaign() == null).extracting(StageEntryCount::entries)
                .containsExactly(1L);
        assertThat(figures.stageEntries(EntryQuery.over(days, Grouping.MONTH).ownedBy(new PersonId(rep.id().value()))
                .by(Dimension.OWNER))).as("the MQL entry of the lead the rep owned, and nothing of the others")
                .extracting(StageEntryCount::stage, StageEntryCount::owner, StageEntryCount::entries)
                .containsExactly(tuple(Stage.MQL, rep.id(), 1L));
    }

    @Test
    void listsStageChangesOldestFirstPageByPageWithTheLeadsSourceCampaignAndOwnerThen() {
        String source = unique("paging");
        CampaignId campaign = aCampaign();
        Person rep = fixtures.aPerson(AppRole.MEMBER);
        Instant from = clock.instant().minusSeconds(1);
        List<LeadId> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(aLead(source, campaign));
        }
        ownedBy(made.get(0), rep);
        mql(made.get(0));
        ChangeQuery query = new ChangeQuery(new TimeRange(from, clock.instant().plusSeconds(1)), Set.of(), source,
                null, null);

        List<StageChange> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            StageChangePage page = figures.stageChanges(query, cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(4).extracting(StageChange::occurredAt).isSorted();
        assertThat(seen).extracting(StageChange::lead).containsExactly(made.get(0), made.get(1), made.get(2),
                made.get(0));
        StageChange mql = seen.get(3);
        assertThat(mql.from()).isEqualTo(Stage.NEW);
        assertThat(mql.to()).isEqualTo(Stage.MQL);
        assertThat(mql.campaign()).isEqualTo(campaign);
        assertThat(mql.owner()).isEqualTo(rep.id());
        assertThat(mql.actorLabel()).isEqualTo("system");

        assertThat(figures.stageChanges(new ChangeQuery(query.period(), Set.of(Stage.MQL), source, campaign,
                rep.id()), null, null).items()).extracting(StageChange::lead).containsExactly(made.get(0));
        assertThat(figures.stageChanges(new ChangeQuery(query.period(), Set.of(Stage.MQL), source, null,
                fixtures.aPerson(AppRole.MEMBER).id()), null, null).items()).isEmpty();
    }

    @Test
    void refusesAPageSizeOverTheCapACursorItDidNotGiveAndARangeTheWrongWayRound() {
        ChangeQuery query = ChangeQuery.over(new TimeRange(Instant.EPOCH, clock.instant()));
        assertThatThrownBy(() -> figures.stageChanges(query, null, FunnelFigures.MAX_PAGE + 1))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("size"));
        assertThatThrownBy(() -> figures.stageChanges(query, null, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> figures.stageChanges(query, "not-a-cursor", 10))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> new DayRange(today(), today()))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("to"));
    }

    @Test
    void aDateRangeInAZoneRunsFromItsFirstMidnightThereToTheMidnightAfterItsLastDay() {
        TimeRange q1 = TimeRange.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1), ZoneId.of("Europe/Berlin"));
        assertThat(q1.from()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(q1.to()).as("summer time by then").isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
    }

    @Test
    void countsTheLeadsStandingInEachStageNow() {
        long before = figures.leadsByStage().getOrDefault(Stage.NEW, 0L);
        aLead(unique("now"), null);
        assertThat(figures.leadsByStage().get(Stage.NEW)).isEqualTo(before + 1);
    }

    private LeadId aLead(String source, CampaignId campaign) {
        return intake.take(new IncomingLead("lead." + UUID.randomUUID() + "@example.com", null, null, null, "Fia", "Figure", null, null, null, null, null, null, null, null, null, null, null, null, source, campaign == null ? null : campaign.value(), null, null, null, List.of(), null, null, null), LeadHistory.Channel.API).lead().id();
    }

    private void mql(LeadId lead) {
        stages.moveAutomatically(lead, new Lead.Transition(Stage.MQL, null, null, null));
    }

    private void ownedBy(LeadId id, Person rep) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> leads.update(
                leads.byId(id).orElseThrow().withOwner(rep.id().value(), clock.instant())));
    }

    private CampaignId aCampaign() {
        return new CampaignId(campaigns.create(new CampaignDetails("Figures " + UUID.randomUUID(), "EVENT", null, null,
                null, null, null), null).id());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

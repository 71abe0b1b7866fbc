package org.smartketing.funnel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.campaigns.CampaignDetails;
import org.smartketing.funnel.campaigns.CampaignPlanning;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.Money;
import org.smartketing.funnel.leads.StageEntries;
import org.smartketing.shared.Sql;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage entries rollup is a count of the stage history: after any sequence of intakes, moves,
 * recycles and reassignments it equals a recount of the history from scratch, and so does its
 * rebuild. Each run's leads have a source of their own, so other tests' leads never enter the
 * comparison. The sequence is drawn from a seed, reported on failure; {@code -Dfunnel.seed=…}
 * replays one.
 */
@IntegrationTest
class StageEntriesRollupTests {

    static final String[] REJECTIONS = { "No budget", "Not now; timing" };

    @Autowired
    LeadIntake intake;

    @Autowired
    LeadStages stages;

    @Autowired
    Leads leads;

    @Autowired
    StageEntries entries;

    @Autowired
    CampaignPlanning campaigns;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theRollupEqualsARecountOfTheHistoryAfterARandomSequenceOfChanges() {
        long seed = Long.getLong("funnel.seed", new Random().nextLong());
        for (int run = 0; run < 3; run++) {
            long runSeed = seed + run;
            String prefix = randomSequence(runSeed, 80);
            assertThat(recount(prefix).keySet().stream().map(k -> k.split("\\|")[1]).distinct().count())
                    .as("stages entered with seed %d", runSeed).isGreaterThanOrEqualTo(3);
            assertThat(rollup(prefix)).as("rollup after the sequence of seed %d", runSeed)
                    .isNotEmpty().isEqualTo(recount(prefix));
            clock.reset();
        }
    }

    @Test
    void theRebuildCountsTheSameAsTheChangesDidAndFoldsTheSlots() {
        long seed = Long.getLong("funnel.seed", new Random().nextLong());
        Instant start = clock.instant();
        String prefix = randomSequence(seed, 60);
        Map<String, Long> kept = rollup(prefix);
        LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        entries.rebuild(from, to);
        assertThat(rollup(prefix)).as("rebuilt rollup, seed %d", seed).isEqualTo(kept).isEqualTo(recount(prefix));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_stage_entry_day WHERE source LIKE ? AND slot <> 0")
                .param(prefix + "%").query(Long.class).single()).as("one row per key after a rebuild").isZero();
    }

    @Test
    void concurrentIntakesOfTheSameSourceAndCampaignAreEachCountedOnce() throws Exception {
        String source = "load-" + UUID.randomUUID().toString().substring(0, 8);
        UUID campaign = aCampaign();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Lead>> work = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                work.add(() -> aLead(source, campaign));
            }
            for (Future<Lead> done : pool.invokeAll(work)) {
                done.get();
            }
        }
        finally {
            pool.shutdown();
        }
        Map<String, Long> rollup = rollup(source);
        assertThat(rollup).isEqualTo(recount(source));
        assertThat(rollup.entrySet().stream().filter(e -> e.getKey().contains("|NEW|")).mapToLong(Map.Entry::getValue)
                .sum()).isEqualTo(160);
    }

    /**
     * Intakes, moves along any allowed way (with reasons, dates and amounts where needed),
     * recycles, reassignments and hours passing, drawn from the seed.
     *
     * @return the prefix of the sources the sequence's leads came from
     */
    private String randomSequence(long seed, int steps) {
        Random random = new Random(seed);
        String prefix = "prop-" + Long.toHexString(seed) + "-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> sources = List.of(prefix + "-web", prefix + "-event");
        List<UUID> campaignIds = new ArrayList<>(List.of(aCampaign(), aCampaign()));
        campaignIds.add(null);
        List<Person> reps = List.of(fixtures.aPerson(AppRole.MEMBER), fixtures.aPerson(AppRole.MEMBER));
        List<LeadId> made = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int dice = random.nextInt(10);
            if (made.isEmpty() || dice < 3) {
                made.add(aLead(sources.get(random.nextInt(sources.size())),
                        campaignIds.get(random.nextInt(campaignIds.size()))).id());
            }
            else if (dice < 8) {
                move(made.get(random.nextInt(made.size())), random);
            }
            else if (dice == 8) {
                Person rep = reps.get(random.nextInt(reps.size()));
                LeadId id = made.get(random.nextInt(made.size()));
                new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    Lead lead = leads.byId(id).orElseThrow();
                    leads.update(lead.withOwner(rep.id().value(), clock.instant()));
                });
            }
            else {
                clock.advance(Duration.ofHours(1 + random.nextInt(30)));
            }
        }
        return prefix;
    }

    private void move(LeadId id, Random random) {
        Lead lead = leads.byId(id).orElseThrow();
        List<Stage> next = new ArrayList<>(lead.stage().allowedNext());
        if (next.isEmpty()) {
            return;
        }
        Stage to = next.stream().sorted().toList().get(random.nextInt(next.size()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        stages.moveAutomatically(id, new Lead.Transition(to,
                to == Stage.REJECTED ? REJECTIONS[random.nextInt(REJECTIONS.length)]
                        : to.needsReason() ? "seen in a property test" : null,
                to == Stage.RECYCLED ? today.plusDays(30) : null,
                to == Stage.OPPORTUNITY ? new Money(BigDecimal.valueOf(1000), Currency.getInstance("EUR")) : null));
    }

    private Lead aLead(String source, UUID campaign) {
        return intake.take(new IncomingLead("lead." + UUID.randomUUID() + "@example.com", null, null, null, "Pia", "Property", null, null, null, null, null, null, null, null, null, null, null, null, source, campaign, null, null, null, List.of(), null, null, null), LeadHistory.Channel.API).lead();
    }

    private UUID aCampaign() {
        return campaigns.create(new CampaignDetails("Rollup " + UUID.randomUUID(), "EMAIL", null, null, null, null,
                null), null).id();
    }

    /** The rollup's rows for the sources, slots summed: "day|stage|source|campaign|owner" → entries. */
    private Map<String, Long> rollup(String sourcePrefix) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT * FROM lead_stage_entry_day WHERE source LIKE ?").param(sourcePrefix + "%")
                .query(rs -> {
                    String campaign = rs.getObject("campaign_id", UUID.class).equals(new UUID(0, 0)) ? "-"
                            : rs.getString("campaign_id");
                    String owner = rs.getObject("owner_id", UUID.class).equals(new UUID(0, 0)) ? "-"
                            : rs.getString("owner_id");
                    counts.merge(String.join("|", rs.getObject("entry_day", LocalDate.class).toString(),
                            rs.getString("stage"), rs.getString("source"), campaign, owner),
                            rs.getLong("entries"), Long::sum);
                });
        return counts;
    }

    /** The same counted from the stage history alone, the UTC day worked out here. */
    private Map<String, Long> recount(String sourcePrefix) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT * FROM lead_stage_event WHERE source LIKE ?").param(sourcePrefix + "%")
                .query(rs -> {
                    UUID campaign = Sql.uuid(rs, "campaign_id");
                    UUID owner = Sql.uuid(rs, "owner_id");
                    counts.merge(String.join("|",
                            LocalDate.ofInstant(Sql.instant(rs, "occurred_at"), ZoneOffset.UTC).toString(),
                            rs.getString("to_stage"), rs.getString("source"),
                            campaign == null ? "-" : campaign.toString(), owner == null ? "-" : owner.toString()),
                            1L, Long::sum);
                });
        return counts;
    }
}

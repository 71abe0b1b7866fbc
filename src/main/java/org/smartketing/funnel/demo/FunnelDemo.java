package org.smartketing.funnel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.funnel.leads.Consent;
import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.Money;
import org.smartketing.funnel.leads.RejectionReasons;
import org.smartketing.funnel.sla.ClockRun;
import org.smartketing.funnel.sla.SlaClocks;
import org.smartketing.team.Department;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's funnel: five campaigns and three hundred leads spread over every stage, each
 * with a believable history (who moved it when, and why it was rejected, recycled or lost), the
 * same every time (a fixed seed), dated over the last ninety days.
 */
@Component
class FunnelDemo {

    static final int LEADS = 300;

    private static final String[] FIRST = { "Ava", "Ben", "Chloe", "David", "Elif", "Femi", "Greta", "Hugo", "Isla",
        "Jonas", "Kenji", "Lena", "Marta", "Nico", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Viktor",
        "Wen", "Yara", "Zane" };
    private static final String[] LAST = { "Alvarez", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Patel", "Quist", "Rossi",
        "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Young", "Zimmer" };
    private static final String[] COMPANIES = { "Acme Robotics", "Blue Fjord", "Cobalt Health", "Delta Freight",
        "Evergreen Foods", "Fusion Labs", "Granite Bank", "Harbor Logistics", "Iris Media", "Juniper Energy",
        "Kite Analytics", "Lumen Retail", "Maple Insurance", "Nimbus Cloud", "Orbit Telecom" };
    private static final String[] COUNTRIES = { "DE", "US", "GB", "FR", "SE", "BR", "IN", "NL", "ES", "IT" };
    private static final String[] TITLES = { "Head of Operations", "CFO", "IT Director", "Marketing Manager",
        "VP Sales", "Procurement Lead", "CEO", "Data Analyst" };
    private static final Stage[] PATH = { Stage.NEW, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY, Stage.CUSTOMER };

    private final Leads leads;
    private final LeadHistory history;
    private final Campaigns campaigns;
    private final RejectionReasons reasons;
    private final TeamDirectory directory;
    private final ActivityLog activities;
    private final SlaClocks clocks;
    private final Clock clock;

    FunnelDemo(Leads leads, LeadHistory history, Campaigns campaigns, RejectionReasons reasons,
            TeamDirectory directory, ActivityLog activities, SlaClocks clocks, Clock clock) {
        this.clocks = clocks;
        this.leads = leads;
        this.history = history;
        this.campaigns = campaigns;
        this.reasons = reasons;
        this.directory = directory;
        this.activities = activities;
        this.clock = clock;
    }

    /**
     * Synchronous on purpose, inside the transaction that creates the demo company: the demo is one
     * whole (people without their leads would be no demo to look around in), it is filled once, and a
     * part that cannot add its share rolls the whole demo back rather than leaving half of it.
     */
    @EventListener
    void fill(DemoCompanyFilled filled) {
        List<PersonSummary> team = directory.membersOf(filled.teamId());
        List<PersonSummary> reps = team.stream().filter(p -> p.department() == Department.SALES).toList();
        List<PersonSummary> marketers = team.stream().filter(p -> p.department() == Department.MARKETING).toList();
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<UUID> campaignIds = campaigns(today, marketers);
        Random random = new Random(20261127L);
        List<String> rejectionReasons = reasons.active();
        for (int i = 0; i < LEADS; i++) {
            lead(i, random, today, campaignIds, reps, marketers, rejectionReasons);
        }
    }

    private List<UUID> campaigns(Instant today, List<PersonSummary> marketers) {
        String[][] plan = { { "Spring product webinar", "webinar", "4000" }, { "Analytics ebook", "content", "1500" },
            { "Trade fair Berlin", "event", "12000" }, { "Paid social retargeting", "paid social", "6000" },
            { "Customer newsletter", "email", "500" } };
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < plan.length; i++) {
            UUID id = UUID.nameUUIDFromBytes(("demo-campaign:" + i).getBytes());
            LocalDate start = LocalDate.ofInstant(today, ZoneOffset.UTC).minusDays(100 - i * 15L);
            campaigns.insert(new Campaigns.Campaign(id, plan[i][0], plan[i][1], new BigDecimal(plan[i][2]), "EUR", start,
                    start.plusDays(45), marketers.get(i % marketers.size()).id().value(), today.minus(Duration.ofDays(100))));
            ids.add(id);
        }
        return ids;
    }

    private void lead(int i, Random random, Instant today, List<UUID> campaignIds, List<PersonSummary> reps,
            List<PersonSummary> marketers, List<String> rejectionReasons) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String company = COMPANIES[random.nextInt(COMPANIES.length)];
        String email = (first + "." + last + i).toLowerCase() + "@" + company.toLowerCase().replace(' ', '-') + ".example.com";
        UUID campaign = random.nextInt(10) < 7 ? campaignIds.get(random.nextInt(campaignIds.size())) : null;
        Instant created = today.minus(Duration.ofMinutes(30 + random.nextInt(90 * 24 * 60)));
        LeadId id = new LeadId(UUID.nameUUIDFromBytes(("demo-lead:" + i).getBytes()));
        PersonSummary rep = reps.get(random.nextInt(reps.size()));
        PersonSummary marketer = marketers.get(random.nextInt(marketers.size()));

        int reached = reachedStage(random);
        Stage exit = exit(random, reached);
        Contact contact = new Contact(email, null, null, null, null, null, null, first, last, company,
                TITLES[random.nextInt(TITLES.length)], null,
                new Contact.Address(null, null, null, null, COUNTRIES[random.nextInt(COUNTRIES.length)]));
        Lead lead = new Lead(id, contact, null, campaign != null ? "campaign" : "website", campaign,
                random.nextBoolean() ? new Consent(true, created, "web form checkbox") : Consent.none(),
                reached >= 1 ? rep.id().value() : null, exit != null ? exit : PATH[reached], 20 + random.nextInt(80),
                List.of(), null, reached >= 4 ? new Money(BigDecimal.valueOf(5_000 + random.nextInt(60) * 1_000L),
                        Currency.getInstance("EUR")) : null,
                exit == Stage.RECYCLED ? LocalDate.ofInstant(today, ZoneOffset.UTC).plusDays(30 + random.nextInt(60)) : null,
                created, created, 0);
        leads.insert(lead);
        history.touched(id, LeadHistory.Channel.DEMO, lead.source(), campaign, null, created);
        if (campaign != null && random.nextInt(4) == 0) {
            history.touched(id, LeadHistory.Channel.DEMO, "campaign", campaignIds.get(random.nextInt(campaignIds.size())),
                    "came back for another campaign", created.plus(Duration.ofDays(2)));
        }
        Instant at = created;
        Instant[] reachedAt = new Instant[PATH.length];
        Lead unowned = lead.withOwner(null, created); // until sales accepted it, as routing would have it
        history.stageChanged(unowned, null, Stage.NEW, null, null, "intake:demo", at);
        for (int step = 1; step <= reached; step++) {
            // Most handoffs happen within a working day; a few take days, which breaches the SLA.
            at = at.plus(Duration.ofHours(step == 2 && random.nextInt(5) == 0 ? 30 + random.nextInt(60) : 1 + random.nextInt(20)));
            reachedAt[step] = at;
            PersonSummary actor = step == 1 ? marketer : rep;
            history.stageChanged(step <= 1 ? unowned : lead, PATH[step - 1], PATH[step], step == 1 ? "Score reached the MQL threshold" : null,
                    actor.id().value(), actor.email(), at);
            if (step == 2 && random.nextBoolean()) {
                activities.log(new NewActivity(random.nextBoolean() ? ActivityType.CALL : ActivityType.EMAIL, rep.id(),
                        min(at.plus(Duration.ofHours(3)), today), "First contact", id.value(), null, ActivitySource.MANUAL));
            }
        }
        Instant exitAt = null;
        if (exit != null) {
            at = at.plus(Duration.ofHours(4 + random.nextInt(40)));
            exitAt = at;
            String why = switch (exit) {
                case REJECTED -> rejectionReasons.get(random.nextInt(rejectionReasons.size()));
                case RECYCLED -> "Interested, but not before next quarter";
                default -> "Chose a competitor";
            };
            history.stageChanged(lead, PATH[reached], exit, why, rep.id().value(), rep.email(), at);
        }
        clocks(id, rep, reachedAt, reached == 1 && exit == Stage.REJECTED ? exitAt : null, today);
    }

    /**
     * The handoff clocks a lead's history implies: started when it became an MQL, the accept clock
     * stopped when sales accepted (or rejected) it, the first-contact clock at SQL. Leads still
     * waiting in MQL get no past run.
     */
    private void clocks(LeadId id, PersonSummary rep, Instant[] reachedAt, Instant rejectedAt, Instant today) {
        Instant mql = reachedAt[1];
        Instant accepted = reachedAt[2] != null ? reachedAt[2] : rejectedAt;
        if (mql == null || accepted == null || accepted.isAfter(today)) {
            return;
        }
        clocks.recordPastRun(id, ClockRun.Kind.ACCEPT, rep, mql, accepted,
                reachedAt[2] != null ? ClockRun.Outcome.ACCEPTED : ClockRun.Outcome.REJECTED);
        if (reachedAt[3] != null && !reachedAt[3].isAfter(today)) {
            clocks.recordPastRun(id, ClockRun.Kind.FIRST_CONTACT, rep, mql, reachedAt[3], ClockRun.Outcome.CONTACTED);
        }
    }

    /** How far along the way a lead got: most stay early, few become customers. */
    private static int reachedStage(Random random) {
        int roll = random.nextInt(100);
        return roll < 30 ? 0 : roll < 55 ? 1 : roll < 72 ? 2 : roll < 84 ? 3 : roll < 93 ? 4 : 5;
    }

    private static Stage exit(Random random, int reached) {
        int roll = random.nextInt(100);
        return switch (reached) {
            case 1 -> roll < 35 ? Stage.REJECTED : roll < 45 ? Stage.RECYCLED : null;
            case 2, 3 -> roll < 15 ? Stage.LOST : roll < 25 ? Stage.RECYCLED : null;
            case 4 -> roll < 30 ? Stage.LOST : null;
            default -> null;
        };
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package org.smartketing.funnel.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores leads from the admin's rules: fit points plus each engagement's points decayed by its
 * half-life up to now. A NEW lead (or a RECYCLED one whose date to look again has come) whose
 * score reaches the threshold becomes an MQL, moved by the system with the score as its reason.
 *
 * <p>The stored score is written when something changes it: an engagement, a change of the lead's
 * details, and {@link ScoreKeeping} (a job) when decay has moved it or the rules changed. Reading a
 * lead or a list never writes; {@link #explain} works out why a lead scores for display only.
 */
@Service
@Transactional
public class LeadScoring {

    /** A score worked out now, and when decay may move it (null: it no longer changes by itself). */
    public record Scored(int score, Instant dueAt) {
    }

    private final ScoringRulebook rulebook;
    private final Engagements engagements;
    private final Leads leads;
    private final LeadStages stages;
    private final AuditLog audit;
    private final Clock clock;

    LeadScoring(ScoringRulebook rulebook, Engagements engagements, Leads leads, LeadStages stages, AuditLog audit,
            Clock clock) {
        this.rulebook = rulebook;
        this.engagements = engagements;
        this.leads = leads;
        this.stages = stages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules as stored, with their version: what an admin changes. */
    @Transactional(readOnly = true)
    public ScoringRules rules() {
        return rulebook.stored();
    }

    /**
     * Replaces every rule and the threshold, when nobody changed them since {@code rules.version()}
     * (otherwise a {@code StaleVersionException}). Every lead is scored again with them by
     * {@link ScoreKeeping}, in batches, shortly after (which may make some MQLs).
     */
    public ScoringRules replaceRules(ScoringRules rules) {
        check(rules);
        ScoringRules before = rulebook.current();
        rulebook.replace(rules, clock.instant());
        ScoringRules after = rulebook.current();
        audit.record("scoring", "rules", "replaced", before, after);
        return after;
    }

    /** Records an engagement and rescores the lead (which may make it an MQL). */
    public Lead engaged(LeadId id, String activityType, Instant occurredAt) {
        Lead lead = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        return engaged(lead, activityType, occurredAt);
    }

    /** The same for a lead the caller has just read or written in this transaction (no need to read it again). */
    public Lead engaged(Lead lead, String activityType, Instant occurredAt) {
        String type = checkedType(activityType, occurredAt);
        record(lead.id(), type, occurredAt, lead.score());
        return rescore(lead);
    }

    /**
     * The score a lead that is coming in for the first time will have with the engagement it comes
     * with, so that it is stored with it; {@link #engagedOnArrival} then records that engagement.
     */
    public Scored scoreOnArrival(Lead lead, String activityType, Instant occurredAt) {
        String type = checkedType(activityType, occurredAt);
        return scored(lead, rulebook.current(), clock.instant(),
                List.of(new Engagements.Engagement(null, lead.id(), type, occurredAt)));
    }

    /**
     * Records the first engagement of a lead just stored with the score {@link #scoreOnArrival} gave
     * (audited as the engagement of a lead that had 0 points before it), and makes it an MQL when
     * that score reaches the threshold.
     */
    public Lead engagedOnArrival(Lead stored, String activityType, Instant occurredAt) {
        record(stored.id(), checkedType(activityType, occurredAt), occurredAt, 0);
        return qualifyIfDue(stored, rulebook.current(), clock.instant());
    }

    /** Works the score out as of now, stores it, and applies the MQL threshold. */
    public Lead rescore(LeadId id) {
        return rescore(leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id)));
    }

    /** The same for a lead the caller has just read or written in this transaction. */
    public Lead rescore(Lead lead) {
        Scored s = scored(lead, rulebook.current(), clock.instant(), engagements.of(lead.id()));
        leads.updateScore(new Leads.ScoreUpdate(lead.id(), s.score(), s.dueAt()));
        return qualifyIfDue(lead.withScore(s.score(), lead.updatedAt()), rulebook.current(), clock.instant());
    }

    /**
     * Works out the scores of leads the caller has locked, stores those that changed in one round
     * trip (a due moment within {@link DecayingScore#MARGIN} of the stored one is the same), and
     * makes MQLs of those whose score now reaches the threshold (the system as the actor).
     *
     * @return how many scores were stored
     */
    int rescore(List<Leads.Scoring> batch, ScoringRules rules, Instant now) {
        return rescore(batch, rules, now, Actor.SYSTEM, new ArrayList<>());
    }

    /**
     * Scores leads the caller has locked with the stored rules, as the scoring job would, and makes
     * MQLs of those that reach the threshold, each move announced as the actor's: how an import
     * qualifies its leads together once they are in (and then routes them, or not, itself).
     *
     * @return the leads this made MQLs, as they are now
     */
    public List<Lead> qualifyAll(List<Leads.Scoring> batch, Actor actor) {
        List<Lead> made = new ArrayList<>();
        rescore(batch, rulebook.current(), clock.instant(), actor, made);
        return made;
    }

    private int rescore(List<Leads.Scoring> batch, ScoringRules rules, Instant now, Actor actor, List<Lead> made) {
        Map<LeadId, List<Engagements.Engagement>> engaged = engagements.of(batch.stream().map(s -> s.lead().id()).toList());
        List<Leads.ScoreUpdate> updates = new ArrayList<>();
        List<Lead> scored = new ArrayList<>();
        for (Leads.Scoring stored : batch) {
            Lead lead = stored.lead();
            Scored s = scored(lead, rules, now, engaged.getOrDefault(lead.id(), List.of()));
            if (s.score() != lead.score() || !same(s.dueAt(), stored.dueAt())) {
                updates.add(new Leads.ScoreUpdate(lead.id(), s.score(), s.dueAt()));
            }
            scored.add(lead.withScore(s.score(), lead.updatedAt()));
        }
        leads.updateScores(updates);
        for (Lead lead : scored) {
            Lead after = qualifyIfDue(lead, rules, now, actor);
            if (after.stage() == Stage.MQL && lead.stage() != Stage.MQL) {
                made.add(after);
            }
        }
        return updates.size();
    }

    private static boolean same(Instant due, Instant stored) {
        return due == null ? stored == null
                : stored != null && Duration.between(due, stored).abs().compareTo(DecayingScore.MARGIN.multipliedBy(2)) <= 0;
    }

    /** Why the lead has its stored score, with each rule's points worked out as of now; writes nothing. */
    @Transactional(readOnly = true)
    public ScoreExplanation explain(LeadId id) {
        Lead lead = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        return explain(lead, rulebook.current(), clock.instant(), engagements.of(lead.id()));
    }

    private Lead qualifyIfDue(Lead lead, ScoringRules rules, Instant now) {
        return qualifyIfDue(lead, rules, now, Actor.SYSTEM);
    }

    private Lead qualifyIfDue(Lead lead, ScoringRules rules, Instant now, Actor actor) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean waiting = lead.stage() == Stage.NEW || (lead.stage() == Stage.RECYCLED && lead.requalifyOn() != null
                && !lead.requalifyOn().isAfter(today));
        if (waiting && lead.score() >= rules.mqlThreshold()) {
            return stages.moveAutomatically(lead.id(), new Lead.Transition(Stage.MQL,
                    "Score " + lead.score() + " reached the MQL threshold " + rules.mqlThreshold(), null, null), actor);
        }
        return lead;
    }

    private void record(LeadId id, String type, Instant occurredAt, int scoreBefore) {
        Engagements.Engagement e = engagements.add(id, type, occurredAt, clock.instant());
        audit.record("lead", id, "engaged", null, java.util.Map.of("activityType", type, "occurredAt",
                occurredAt.toString(), "engagement", e.id().toString(), "scoreBefore", scoreBefore));
    }

    private static String checkedType(String activityType, Instant occurredAt) {
        if (activityType == null || !activityType.strip().matches("[A-Za-z_]{1,40}")) {
            throw new InvalidFieldException("activityType", "must be 1 to 40 letters or _ such as WEBINAR");
        }
        if (occurredAt == null) {
            throw new InvalidFieldException("occurredAt", "is required");
        }
        return activityType.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The score now and when to work it out again: when decay may move it, or, for a lead recycled
     * until a later day, that day (when its score decides whether it is an MQL again).
     */
    private static Scored scored(Lead lead, ScoringRules rules, Instant now, List<Engagements.Engagement> engaged) {
        DecayingScore decaying = decaying(lead, rules, now, engaged);
        Instant due = decaying.nextChange();
        if (lead.stage() == Stage.RECYCLED && lead.requalifyOn() != null) {
            Instant lookAgain = lead.requalifyOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (lookAgain.isAfter(now) && (due == null || lookAgain.isBefore(due))) {
                due = lookAgain;
            }
        }
        return new Scored(decaying.rounded(), due);
    }

    private static DecayingScore decaying(Lead lead, ScoringRules rules, Instant now,
            List<Engagements.Engagement> engaged) {
        double fit = 0;
        for (FitRule rule : rules.fitRules()) {
            if (rule.matches(lead)) {
                fit += rule.points();
            }
        }
        List<DecayingScore.Term> terms = new ArrayList<>();
        for (Engagements.Engagement e : engaged) {
            rules.engagementRule(e.activityType()).ifPresent(r -> terms.add(new DecayingScore.Term(r, e.occurredAt())));
        }
        return new DecayingScore(fit, terms, now);
    }

    private static ScoreExplanation explain(Lead lead, ScoringRules rules, Instant now,
            List<Engagements.Engagement> engaged) {
        List<ScoreExplanation.Line> lines = new ArrayList<>();
        for (FitRule rule : rules.fitRules()) {
            if (rule.matches(lead)) {
                lines.add(new ScoreExplanation.Line(ScoreExplanation.Kind.FIT, rule.describe(), rule.points(), null,
                        null, null, null));
            }
        }
        for (Engagements.Engagement e : engaged) {
            Duration age = Duration.between(e.occurredAt(), now);
            double ageDays = round(Math.max(0, age.toMillis()) / 86_400_000.0);
            var rule = rules.engagementRule(e.activityType());
            if (rule.isEmpty()) {
                lines.add(new ScoreExplanation.Line(ScoreExplanation.Kind.ENGAGEMENT,
                        e.activityType() + " (no rule for this activity type)", 0, 0, ageDays, null, e.occurredAt()));
                continue;
            }
            lines.add(new ScoreExplanation.Line(ScoreExplanation.Kind.ENGAGEMENT, e.activityType(),
                    round(rule.get().decayed(age)), rule.get().points(), ageDays, rule.get().halfLifeDays(),
                    e.occurredAt()));
        }
        return new ScoreExplanation(lead.id().value(), lead.score(), decaying(lead, rules, now, engaged).rounded(),
                rules.mqlThreshold(), now, lines);
    }

    private static void check(ScoringRules rules) {
        if (rules.mqlThreshold() < 1) {
            throw new InvalidFieldException("mqlThreshold", "must be at least 1");
        }
        for (int i = 0; i < rules.fitRules().size(); i++) {
            FitRule r = rules.fitRules().get(i);
            String at = "fitRules[" + i + "].";
            if (r.field() == null) {
                throw new InvalidFieldException(at + "field", "is required");
            }
            if (r.operator() == null || !r.field().operators().contains(r.operator())) {
                throw new InvalidFieldException(at + "operator", "must be one of " + r.field().operators()
                        + " for " + r.field());
            }
            if (r.operator().needsValue() && r.value() == null) {
                throw new InvalidFieldException(at + "value", "is required for " + r.operator());
            }
        }
        Set<String> types = new HashSet<>();
        for (int i = 0; i < rules.engagementRules().size(); i++) {
            EngagementRule r = rules.engagementRules().get(i);
            String at = "engagementRules[" + i + "].";
            if (r.activityType() == null || !r.activityType().matches("[A-Z_]{1,40}")) {
                throw new InvalidFieldException(at + "activityType", "must be 1 to 40 capital letters or _ such as WEBINAR");
            }
            if (!types.add(r.activityType())) {
                throw new InvalidFieldException(at + "activityType", "has a rule already");
            }
            if (r.halfLifeDays() < 1) {
                throw new InvalidFieldException(at + "halfLifeDays", "must be at least 1 day");
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

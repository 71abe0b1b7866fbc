package org.smartketing.funnel.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadImports;
import org.smartketing.funnel.LeadRoutingFailed;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.RepAvailability;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadSnapshot;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Text;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives each new MQL a sales owner. Rules are tried in order; the first matching rule whose pool
 * has someone available takes the lead, round-robin from where that pool last stopped, skipping
 * reps who are unavailable ({@link RepAvailability}) or at their open-lead cap. When nobody fits
 * the lead stays unowned in the unassigned queue and {@link LeadRoutingFailed} is published.
 */
@Service
@Transactional
public class LeadRouter {

    /** What routing did: the new owner (null when nobody fitted) and why. */
    public record Outcome(UUID leadId, UUID ownerId, String ownerName, String rule, String reason) {
    }

    private final RoutingTables tables;
    private final Leads leads;
    private final List<RepAvailability> availability;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadRouter(RoutingTables tables, Leads leads, List<RepAvailability> availability, TeamDirectory directory,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.tables = tables;
        this.leads = leads;
        this.availability = availability;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Synchronous on purpose, inside the transaction of the stage change: an MQL and its owner (or
     * its place in the unassigned queue) are one change, so nobody ever sees, or is told of, an MQL
     * that routing has not looked at, and a routing that cannot be written rolls the move back.
     */
    @EventListener
    void on(LeadStageChanged changed) {
        // an import's MQLs are routed by the import, together, when the importer asked for it
        if (changed.to() == Stage.MQL && !LeadImports.ACTOR.equals(changed.actor().system())) {
            route(changed.leadId(), changed.actor());
        }
    }

    /** Routes an MQL (again) on behalf of the signed-in person; 409 for a lead in any other stage. */
    public Outcome route(LeadId id) {
        return route(id, Actor.current());
    }

    /** Routes an MQL as the actor given (an import routing its MQLs together); 409 for a lead in any other stage. */
    public Outcome route(LeadId id, Actor actor) {
        Lead lead = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        if (lead.stage() != Stage.MQL) {
            throw new RuleViolationException("Only a marketing-qualified lead is routed; this one is "
                    + lead.stage().label() + ".");
        }
        RoutingSetup setup = tables.current();
        Instant now = clock.instant();
        List<String> tried = new ArrayList<>();
        for (RoutingRule rule : setup.rules()) {
            if (!rule.matches(lead) || rule.pool().isEmpty()) {
                continue;
            }
            Integer cap = rule.openLeadCap() != null ? rule.openLeadCap() : setup.defaultOpenLeadCap();
            int start = tables.lockNextIndex(rule.id());
            List<String> skipped = new ArrayList<>();
            for (int k = 0; k < rule.pool().size(); k++) {
                int index = (start + k) % rule.pool().size();
                UUID rep = rule.pool().get(index);
                Optional<String> why = whyNot(rep, cap, now);
                if (why.isPresent()) {
                    skipped.add(name(rep) + " " + why.get());
                    continue;
                }
                tables.setNextIndex(rule.id(), (index + 1) % rule.pool().size());
                return assign(lead, rep, rule, now, actor);
            }
            tried.add("rule “" + rule.name() + "”: " + String.join(", ", skipped));
        }
        String reason = tried.isEmpty()
                ? "No routing rule matches this lead (country " + orNone(lead.contact().country()) + ", region "
                        + orNone(lead.contact().region()) + ", tags " + (lead.tags().isEmpty() ? "none" : lead.tags()) + ")."
                : "Nobody in the matching pools can take it: " + String.join("; ", tried) + ".";
        tables.log(id, new RoutingTables.Decision(now, null, null, reason));
        audit.record("lead", id, "routing-failed", null, Map.of("reason", reason));
        events.publishEvent(new LeadRoutingFailed(UUID.randomUUID(), id, Text.abbreviate(reason,
                LeadRoutingFailed.REASON_LENGTH), now, actor));
        return new Outcome(id.value(), null, null, null, reason);
    }

    /** Who the routing rules would give the lead to now, without giving it: the first matching rule's available reps. */
    public record Suggestion(String rule, List<PersonSummary> people) {
    }

    @Transactional(readOnly = true)
    public Optional<Suggestion> suggest(Lead lead) {
        RoutingSetup setup = tables.current();
        Instant now = clock.instant();
        for (RoutingRule rule : setup.rules()) {
            if (!rule.matches(lead) || rule.pool().isEmpty()) {
                continue;
            }
            Integer cap = rule.openLeadCap() != null ? rule.openLeadCap() : setup.defaultOpenLeadCap();
            List<PersonSummary> free = rule.pool().stream().filter(rep -> whyNot(rep, cap, now).isEmpty())
                    .flatMap(rep -> directory.person(new PersonId(rep)).stream()).toList();
            if (!free.isEmpty()) {
                return Optional.of(new Suggestion(rule.name(), free));
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public RoutingSetup setup() {
        return tables.current();
    }

    /**
     * Replaces the rules, the default cap and the out-of-office periods as a whole, when nobody
     * changed them since {@code setup.version()}; otherwise a {@code StaleVersionException}.
     */
    public RoutingSetup replace(RoutingSetup setup) {
        check(setup);
        RoutingSetup before = tables.current();
        RoutingSetup after = tables.replace(setup);
        audit.record("routing", "rules", "replaced", before, after);
        return after;
    }

    private Optional<String> whyNot(UUID rep, Integer cap, Instant now) {
        for (RepAvailability check : availability) {
            Optional<String> why = check.whyUnavailable(new PersonId(rep), now);
            if (why.isPresent()) {
                return why;
            }
        }
        if (cap != null) {
            int open = leads.openLeadsOwnedBy(rep);
            if (open >= cap) {
                return Optional.of("is at capacity (" + open + " open leads, cap " + cap + ")");
            }
        }
        return Optional.empty();
    }

    private Outcome assign(Lead lead, UUID rep, RoutingRule rule, Instant now, Actor actor) {
        Lead after = leads.update(lead.withOwner(rep, now));
        String reason = "Rule “" + rule.name() + "” (" + rule.territory() + ")";
        tables.log(lead.id(), new RoutingTables.Decision(now, rep, rule.id(), reason));
        audit.record("lead", lead.id(), "assigned", LeadSnapshot.of(lead), LeadSnapshot.of(after));
        events.publishEvent(new LeadAssigned(UUID.randomUUID(), lead.id(), new PersonId(rep),
                lead.ownerId() == null ? null : new PersonId(lead.ownerId()), now, actor));
        return new Outcome(lead.id().value(), rep, name(rep), rule.name(), reason);
    }

    private String name(UUID person) {
        return directory.person(new PersonId(person)).map(PersonSummary::displayName).orElse(person.toString());
    }

    private void check(RoutingSetup setup) {
        Set<String> countries = Set.of(Locale.getISOCountries());
        if (setup.defaultOpenLeadCap() != null && setup.defaultOpenLeadCap() < 0) {
            throw new InvalidFieldException("defaultOpenLeadCap", "must be 0 or more");
        }
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < setup.rules().size(); i++) {
            RoutingRule r = setup.rules().get(i);
            String at = "rules[" + i + "].";
            if (r.id() != null && !ids.add(r.id())) {
                throw new InvalidFieldException(at + "id", "is used by another rule");
            }
            if (r.country() != null && !countries.contains(r.country())) {
                throw new InvalidFieldException(at + "country", "is not a known country code");
            }
            if (r.region() != null && r.country() == null) {
                throw new InvalidFieldException(at + "country", "is needed when a region is given");
            }
            if (r.openLeadCap() != null && r.openLeadCap() < 0) {
                throw new InvalidFieldException(at + "openLeadCap", "must be 0 or more");
            }
            if (r.pool().isEmpty()) {
                throw new InvalidFieldException(at + "pool", "needs at least one person");
            }
            Set<UUID> members = new HashSet<>();
            for (int j = 0; j < r.pool().size(); j++) {
                UUID person = r.pool().get(j);
                if (person == null || directory.person(new PersonId(person)).isEmpty()) {
                    throw new InvalidFieldException(at + "pool[" + j + "]", "there is no person with this id");
                }
                if (!members.add(person)) {
                    throw new InvalidFieldException(at + "pool[" + j + "]", "is in the pool twice");
                }
            }
        }
        for (int i = 0; i < setup.outOfOffice().size(); i++) {
            OutOfOffice o = setup.outOfOffice().get(i);
            String at = "outOfOffice[" + i + "].";
            if (o.personId() == null || directory.person(new PersonId(o.personId())).isEmpty()) {
                throw new InvalidFieldException(at + "personId", "there is no person with this id");
            }
            if (o.from() == null || o.to() == null) {
                throw new InvalidFieldException(at + (o.from() == null ? "from" : "to"), "is required");
            }
            if (!o.to().isAfter(o.from())) {
                throw new InvalidFieldException(at + "to", "must be after from");
            }
        }
    }

    private static String orNone(String text) {
        return text == null ? "none" : text;
    }
}

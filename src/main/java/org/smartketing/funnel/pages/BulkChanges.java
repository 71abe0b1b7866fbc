package org.smartketing.funnel.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.intake.LeadEditing;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.RejectionReasons;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.PlainText;
import org.smartketing.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * A change to the leads picked on the list, made lead by lead, each in its own transaction the
 * way a change on the lead's page is (audited, announced, scored). A lead that cannot take it (a
 * move its stage does not allow, a lead deleted meanwhile) is named in the outcome; the others
 * keep the change.
 */
@Component
class BulkChanges {

    /** At most this many leads at once: a page of the list is 25, a bigger pick is a filter and an import. */
    static final int MOST = 200;

    /** What the bulk bar offers: people to assign to, stages to move to, the rejection reasons. */
    record Choices(List<LeadsController.Option> people, List<Stage> stages, List<String> reasons) {
    }

    /** How it went: how many leads took the change, and each that did not, by name with the reason. */
    record Outcome(int done, List<String> problems) {
    }

    private final Leads leads;
    private final LeadEditing editing;
    private final LeadStages stages;
    private final RejectionReasons reasons;
    private final LeadPages names;
    private final Clock clock;

    BulkChanges(Leads leads, LeadEditing editing, LeadStages stages, RejectionReasons reasons, LeadPages names,
            Clock clock) {
        this.clock = clock;
        this.leads = leads;
        this.editing = editing;
        this.stages = stages;
        this.reasons = reasons;
        this.names = names;
    }

    Choices choices() {
        // An opportunity needs its own amount, so leads become opportunities one at a time.
        List<Stage> movable = java.util.Arrays.stream(Stage.values()).filter(s -> s != Stage.OPPORTUNITY && s != Stage.NEW)
                .toList();
        return new Choices(names.people().values().stream()
                .sorted(java.util.Comparator.comparing(p -> p.displayName().toLowerCase(java.util.Locale.ROOT)))
                .map(p -> new LeadsController.Option(p.id().value().toString(), p.displayName(), false)).toList(),
                movable, reasons.active());
    }

    /** The picked ids, each once, checked: at least one, at most {@link #MOST}, each an id. */
    static List<LeadId> picked(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidFieldException("ids", "pick at least one lead (the boxes in the first column)");
        }
        LinkedHashSet<LeadId> unique = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                unique.add(new LeadId(UUID.fromString(id.strip())));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("ids", "\u201c" + shorten(id) + "\u201d is not a lead's id");
            }
        }
        if (unique.size() > MOST) {
            throw new InvalidFieldException("ids", "at most " + MOST + " leads at once; narrow the list with its filter");
        }
        return List.copyOf(unique);
    }

    Outcome assign(List<LeadId> ids, UUID ownerId) {
        if (ownerId != null && !names.people().containsKey(ownerId)) {
            throw new InvalidFieldException("ownerId", "is not an enabled person in Smartketing");
        }
        return each(ids, lead -> editing.reassign(lead.id(), ownerId));
    }

    Outcome tag(List<LeadId> ids, String tag) {
        String t = tag == null ? "" : tag.strip();
        if (t.isEmpty() || t.length() > 40 || t.matches(".*[,<>].*") || !new PlainText.Validator().isValid(t, null)) {
            throw new InvalidFieldException("tag", "must be 1 to 40 characters without , < or >");
        }
        return each(ids, lead -> {
            if (lead.tags().contains(t)) {
                return lead;
            }
            if (lead.tags().size() >= 20) {
                throw new InvalidFieldException("tags", "has 20 tags already, the most a lead can have");
            }
            List<String> tags = new ArrayList<>(lead.tags());
            tags.add(t);
            return editing.apply(lead, LeadEditing.current(lead).withTags(tags));
        });
    }

    Outcome move(List<LeadId> ids, Lead.Transition transition) {
        if (transition.to() == Stage.OPPORTUNITY || transition.to() == Stage.NEW) {
            throw new InvalidFieldException("to", "leads become " + transition.to().label().toLowerCase(java.util.Locale.ROOT)
                    + " one at a time, from their page");
        }
        // What does not depend on the lead is checked once, before any lead moves.
        if (transition.to().needsReason() && (transition.reason() == null || transition.reason().isBlank())) {
            throw new InvalidFieldException("reason", "is required to move leads to " + transition.to().label());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (transition.to() == Stage.RECYCLED && (transition.requalifyOn() == null || !transition.requalifyOn().isAfter(today))) {
            throw new InvalidFieldException("requalifyOn", "must be a date after today, when marketing looks again");
        }
        return each(ids, lead -> stages.move(lead.id(), transition));
    }

    private Outcome each(List<LeadId> ids, Function<Lead, Lead> change) {
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (LeadId id : ids) {
            Optional<Lead> lead = leads.byId(id);
            if (lead.isEmpty()) {
                problems.add("A lead picked was deleted or merged meanwhile.");
                continue;
            }
            try {
                change.apply(lead.get());
                done++;
            }
            catch (Lead.StageChangeRefused ex) {
                problems.add(lead.get().displayName() + ": from " + ex.from().label() + " it can go to "
                        + String.join(", ", ex.from().allowedNext().stream().map(Stage::label).toList()) + ".");
            }
            catch (InvalidFieldException | RuleViolationException | org.smartketing.shared.FieldConflictException ex) {
                problems.add(lead.get().displayName() + ": " + ex.getMessage());
            }
        }
        return new Outcome(done, problems);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "\u2026" : text;
    }
}

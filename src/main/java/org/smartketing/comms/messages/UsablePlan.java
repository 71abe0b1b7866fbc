package org.smartketing.comms.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.smartketing.comms.Channel;
import org.smartketing.team.PersonSummary;

/**
 * A recipient's plan without the steps this installation cannot send (their reason goes to the next
 * step), and only the in-app inbox when no step is left that would reach the recipient or anyone on
 * their behalf.
 *
 * @param fellBack whether the recipient is reached only through the fallback, which the sender is told
 */
record UsablePlan(RecipientPlan plan, boolean fellBack) {

    static UsablePlan of(RecipientPlan plan, Function<Channel, Optional<String>> whyNot) {
        List<PlannedStep> kept = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (PlannedStep step : plan.steps()) {
            Optional<String> why = whyNot.apply(step.channel());
            if (why.isPresent()) {
                skipped.put(Router.label(step.channel()) + " to " + step.person().displayName(), why.get());
                continue;
            }
            kept.add(skipped.isEmpty() ? step : step.withReason(skippedNote(skipped) + "; " + step.reason()));
            skipped.clear();
        }
        PersonSummary recipient = plan.recipient();
        if (!kept.isEmpty()) {  // the recipient, or their delegate or last resort for them
            if (!skipped.isEmpty()) {
                PlannedStep last = kept.remove(kept.size() - 1);
                kept.add(last.withReason(last.reason() + "; after it, " + skippedNote(skipped)));
            }
            return new UsablePlan(new RecipientPlan(recipient, plan.promised(), kept), false);
        }
        PlannedStep first = plan.steps().get(0);
        String reason = skippedNote(skipped) + "; so the in-app inbox, as nothing else can reach " + recipient.displayName();
        return new UsablePlan(new RecipientPlan(recipient, plan.promised(), List.of(new PlannedStep(recipient, Channel.IN_APP,
                recipient.id().toString(), reason, first.waitFor(), first.heldUntil()))), true);
    }

    private static String skippedNote(Map<String, String> skipped) {
        List<String> notes = new ArrayList<>();
        skipped.forEach((what, why) -> notes.add(what + " left out: " + why));
        return String.join("; ", notes);
    }
}

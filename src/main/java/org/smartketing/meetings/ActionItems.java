package org.smartketing.meetings;

import java.time.LocalDate;

import org.smartketing.meetings.running.ActionItem;
import org.smartketing.meetings.running.MeetingRunner;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts turn a commitment made elsewhere into an action item followed up like a
 * meeting's: it shows on the owner's action items, gets the reminder before its date and the
 * overdue notice after it, and escalates to {@code followedUpBy} (in place of a meeting's sponsor;
 * the owner's manager when null). It is not counted in follow-through, which judges what people
 * committed to in meetings.
 */
@Service
@Transactional
public class ActionItems {

    /**
     * @param source     where it came from, as people read it ("Shadowing: Demo with Acme")
     * @param sourcePath that thing's page, e.g. {@code /cross-training/sessions/…}
     */
    public record NewActionItem(String text, PersonId ownerId, LocalDate dueOn, String source, String sourcePath,
            PersonId followedUpBy) {
    }

    private final MeetingRunner runner;
    private final TeamDirectory directory;

    ActionItems(MeetingRunner runner, TeamDirectory directory) {
        this.runner = runner;
        this.directory = directory;
    }

    /**
     * Makes the item, inside the caller's transaction.
     *
     * @param author who made it (they may own it themselves)
     * @throws InvalidFieldException naming {@code text}, {@code ownerId} or {@code dueOn} (in the past
     *         in the owner's zone, or more than two years on)
     */
    public ActionItemId create(NewActionItem item, PersonId author) {
        PersonSummary owner = item.ownerId() == null ? null
                : directory.person(item.ownerId()).filter(PersonSummary::enabled).orElse(null);
        if (owner == null) {
            throw new InvalidFieldException("ownerId", "is not an enabled person in Smartketing");
        }
        PersonId followUp = item.followedUpBy() == null ? owner.managerId() : item.followedUpBy();
        String source = Text.abbreviate(Text.blankToNull(item.source()) == null ? "elsewhere" : item.source().strip(), 200);
        ActionItem.Source from = new ActionItem.Source(source, item.sourcePath(), followUp);
        return runner.addElsewhere(from, author, item.text(), owner.id(), item.dueOn(), owner.zone()).id();
    }
}

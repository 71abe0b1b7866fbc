package org.smartketing.meetings.running;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.smartketing.team.PersonId;

/**
 * One item of an attendee's action plan. {@code firstDueOn} is the date promised in the meeting
 * (what follow-through is measured against); {@code dueOn} moves when a follow-up gives a new date.
 */
public record ActionItem(UUID id, UUID meetingId, UUID familyId, String text, PersonId ownerId, PersonId authorId,
        LocalDate firstDueOn, LocalDate dueOn, String linkKind, UUID linkId, UUID ideaId, Status status, String reason,
        LocalDate doneOn, Instant createdAt) {

    public enum Status {
        OPEN, DONE, DROPPED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}

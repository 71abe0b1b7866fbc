package org.smartketing.imports;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * An import ended: done, failed or cancelled (what it wrote until then stays, and can be undone).
 *
 * @param state {@code DONE}, {@code FAILED} or {@code CANCELLED}
 * @param importedBy who started it; the job itself runs as the system ({@code actor})
 */
public record ImportFinished(UUID eventId, UUID importId, String kind, String fileName, String state, long rows,
        long created, long updated, long merged, long skipped, long failed, PersonId importedBy, Instant occurredAt,
        Actor actor) {
}

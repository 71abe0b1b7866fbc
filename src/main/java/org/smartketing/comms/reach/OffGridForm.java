package org.smartketing.comms.reach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;

/** The off-grid form: times in the person's own zone, as the browser's datetime-local sends them. */
public record OffGridForm(String from, String until, UUID delegateId, List<String> urgent, List<String> normal,
        List<String> fyi, String note) {

    static OffGridForm empty() {
        return new OffGridForm(null, null, null, List.of(Channel.SMS.name()), List.of(), List.of(), null);
    }

    OffGridInput input(ZoneId zone) {
        return new OffGridInput(local("from", from, zone), local("until", until, zone), delegateId, urgent,
                normal, fyi, note);
    }

    public boolean reaches(String urgency, String channel) {
        List<String> list = switch (urgency) {
            case "urgent" -> urgent;
            case "normal" -> normal;
            default -> fyi;
        };
        return list != null && list.contains(channel);
    }

    private static Instant local(String field, String text, ZoneId zone) {
        if (Text.blankToNull(text) == null) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new InvalidFieldException(field, "must be a date and time like 2026-12-24T18:00");
        }
    }
}

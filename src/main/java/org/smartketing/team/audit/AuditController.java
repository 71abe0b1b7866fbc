package org.smartketing.team.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.web.Times;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins look back at who changed what. Dates are days in the viewer's own time zone. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditEntries entries;
    private final Times times;

    AuditController(AuditEntries entries, Times times) {
        this.entries = entries;
        this.times = times;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, Model model) {
        requireUsable("from", from);
        requireUsable("to", to);
        ZoneId zone = times.viewerZone();
        AuditEntries.Filter filter = new AuditEntries.Filter(entityType, entityId, actor, startOf(from, zone),
                startOf(to == null ? null : to.plusDays(1), zone), before);
        List<AuditEntries.Entry> found = entries.find(filter, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<AuditEntries.Entry> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("entries", shown);
        model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("entityTypes", entries.entityTypes());
        model.addAttribute("filter", new FilterForm(entityType, entityId, actor, from, to));
        return "team/audit";
    }

    record FilterForm(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {
    }

    private static void requireUsable(String field, LocalDate day) {
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2999)) {
            throw new InvalidFieldException(field, "must be a date between the years 2000 and 2999");
        }
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }
}

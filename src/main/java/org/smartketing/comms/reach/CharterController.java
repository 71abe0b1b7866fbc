package org.smartketing.comms.reach;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;
import org.smartketing.team.Department;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team charter: everyone's "how to reach me" at a glance, who is off-grid now and until when,
 * and who has not confirmed their expectations yet.
 */
@Controller
class CharterController {

    private final StoredReachBook book;
    private final TeamDirectory directory;
    private final Clock clock;

    CharterController(StoredReachBook book, TeamDirectory directory, Clock clock) {
        this.book = book;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/charter")
    String charter(@RequestParam(required = false) String department, Model model) {
        Department only = department(department);
        Instant now = clock.instant();
        List<Reach> everyone = book.everyone(now).stream()
                .filter(r -> only == null || r.person().department() == only)
                .sorted(Comparator.comparing((Reach r) -> r.person().department())
                        .thenComparing(r -> r.person().displayName()))
                .toList();
        Map<String, String> names = directory.enabledPeople().stream()
                .collect(Collectors.toMap(p -> p.id().toString(), PersonSummary::displayName));
        model.addAttribute("people", everyone);
        model.addAttribute("names", names);
        model.addAttribute("department", only);
        model.addAttribute("departments", Department.values());
        model.addAttribute("urgencies", org.smartketing.comms.Urgency.values());
        model.addAttribute("offGridCount", everyone.stream().filter(Reach::isOffGrid).count());
        model.addAttribute("unconfirmedCount", everyone.stream().filter(r -> !r.confirmed()).count());
        return "comms/charter";
    }

    private static Department department(String text) {
        String name = Text.blankToNull(text);
        if (name == null) {
            return null;
        }
        return Arrays.stream(Department.values()).filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("department", "must be one of "
                        + Arrays.stream(Department.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}

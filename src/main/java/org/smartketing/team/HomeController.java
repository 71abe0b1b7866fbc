package org.smartketing.team;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: who is on the team today, by department. */
@Controller
class HomeController {

    private final TeamDirectory directory;

    HomeController(TeamDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson me, Model model) {
        var people = directory.enabledPeople();
        Map<Department, java.util.List<PersonSummary>> byDepartment = Arrays.stream(Department.values())
                .collect(Collectors.toMap(Function.identity(),
                        d -> people.stream().filter(p -> p.department() == d).toList(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
        model.addAttribute("byDepartment", byDepartment);
        model.addAttribute("peopleCount", people.size());
        return "team/home";
    }
}

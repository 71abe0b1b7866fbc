package org.smartketing.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page, "My day": the cards other parts contribute for the viewer ({@link HomeSection}),
 * each with its figure as a tile on top, then who is on the team, by department.
 */
@Controller
class HomeController {

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    private final TeamDirectory directory;
    private final ObjectProvider<HomeSection> sections;
    private final Clock clock;

    HomeController(TeamDirectory directory, ObjectProvider<HomeSection> sections, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.sections = sections;
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
        model.addAttribute("sections", sectionsFor(me));
        model.addAttribute("today", me == null ? null : LocalDate.now(clock.withZone(me.zone())));
        return "team/home";
    }

    /** A section that fails is left out (and logged): the rest of the home page still shows. */
    private List<HomeSection.Card> sectionsFor(SignedInPerson me) {
        List<HomeSection.Card> shown = new ArrayList<>();
        if (me == null) {
            return shown;
        }
        sections.orderedStream().forEach(section -> {
            try {
                section.shownTo(me).ifPresent(shown::add);
            }
            catch (RuntimeException ex) {
                log.warn("Home page section {} failed for {}", section.getClass().getSimpleName(), me.id(), ex);
            }
        });
        return shown;
    }
}

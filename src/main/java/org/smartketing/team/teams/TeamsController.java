package org.smartketing.team.teams;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams and their members; admins create and change them. */
@Controller
class TeamsController {

    /** A team with its members, for the pages. */
    record TeamPage(Team team, List<Person> members) {

        Set<Department> departments() {
            return members.stream().map(Person::department).collect(Collectors.toSet());
        }

        public boolean mixesSalesAndMarketing() {
            return departments().contains(Department.SALES) && departments().contains(Department.MARKETING);
        }
    }

    private final Teams teams;
    private final People people;
    private final TeamAdministration administration;

    TeamsController(Teams teams, People people, TeamAdministration administration) {
        this.teams = teams;
        this.people = people;
        this.administration = administration;
    }

    @GetMapping("/teams")
    String list(Model model) {
        model.addAttribute("teams", teams.all().stream().map(this::page).toList());
        return "team/teams";
    }

    @GetMapping("/teams/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("page", page(find(id)));
        return "team/team";
    }

    @GetMapping("/teams/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(Model model) {
        return form(model, new TeamDetails(null, null, List.of()), null);
    }

    @PostMapping("/teams")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("form") TeamDetails form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Team team = administration.create(form);
                redirect.addFlashAttribute("flash", "Team " + team.name() + " created.");
                return "redirect:/teams/" + team.id();
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/teams/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@PathVariable UUID id, Model model) {
        Team team = find(id);
        return form(model, new TeamDetails(team.name(), team.description(),
                team.members().stream().map(PersonId::value).toList()), team);
    }

    @PostMapping("/teams/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") TeamDetails form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Team team = find(id);
        if (!errors.hasErrors()) {
            try {
                administration.update(team.id(), form);
                redirect.addFlashAttribute("flash", "Team " + form.name().strip() + " saved.");
                return "redirect:/teams/" + id;
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        return form(model, form, team);
    }

    private String form(Model model, TeamDetails form, Team team) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("team", team);
        model.addAttribute("candidates", people.enabledPeople().stream()
                .sorted(Comparator.comparing(Person::department).thenComparing(Person::displayName)).toList());
        return "team/team-form";
    }

    private TeamPage page(Team team) {
        return new TeamPage(team, people.byIds(team.members()));
    }

    private Team find(UUID id) {
        return teams.byId(new TeamId(id)).orElseThrow(() -> new NotFoundException("Team"));
    }
}

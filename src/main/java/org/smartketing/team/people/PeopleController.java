package org.smartketing.team.people;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PageOf;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonPageSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.signin.Zones;
import org.smartketing.team.teams.Teams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvDownloads;

/** The people list, each person's profile, and the admin's invite, edit and disable pages. */
@Controller
class PeopleController {

    private final People people;
    private final Teams teams;
    private final PersonAdministration administration;
    private final ObjectProvider<PersonPageSection> sections;
    private final CsvDownloads csv;

    PeopleController(People people, Teams teams, PersonAdministration administration,
            ObjectProvider<PersonPageSection> sections, CsvDownloads csv) {
        this.csv = csv;
        this.people = people;
        this.teams = teams;
        this.administration = administration;
        this.sections = sections;
    }

    @GetMapping("/people")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Department department,
            @RequestParam(defaultValue = "false") boolean showDisabled, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("people", people.page(new People.Filter(q, department, showDisabled),
                PageOf.Request.of(page, PageOf.DEFAULT_SIZE)));
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("showDisabled", showDisabled);
        model.addAttribute("departments", Department.values());
        return "team/people";
    }

    /** The list as filtered, everyone on every page, as a CSV file. */
    @GetMapping(path = "/people", produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) Department department,
            @RequestParam(defaultValue = "false") boolean showDisabled, HttpServletResponse response) throws IOException {
        PeopleApiController.send(csv, people, new People.Filter(q, department, showDisabled), response);
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        Person person = find(id);
        model.addAttribute("sections", sections.orderedStream().map(s -> s.about(person.summary(), me))
                .flatMap(java.util.Optional::stream).toList());
        model.addAttribute("person", person);
        model.addAttribute("manager", person.managerId() == null ? null : people.byId(person.managerId()).orElse(null));
        model.addAttribute("teams", teams.all().stream().filter(t -> t.members().contains(person.id())).toList());
        return "team/person";
    }

    @GetMapping("/people/invite")
    @PreAuthorize("hasRole('ADMIN')")
    String inviteForm(Model model) {
        return form(model, PersonDetails.blank(), null);
    }

    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    String invite(@Valid @ModelAttribute("form") PersonDetails form, BindingResult errors,
            @AuthenticationPrincipal SignedInPerson me, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Person invited = administration.invite(form, me.displayName());
                redirect.addFlashAttribute("flash", "Invitation sent to " + invited.email() + ".");
                return "redirect:/people/" + invited.id();
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/people/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@PathVariable UUID id, Model model) {
        Person person = find(id);
        return form(model, PersonDetails.of(person), person);
    }

    @PostMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") PersonDetails form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Person person = find(id);
        PersonDetails details = new PersonDetails(person.email(), form.displayName(), form.department(),
                form.appRole(), form.jobRole(), form.timeZone(), form.workStart(), form.workEnd(), form.workDays(),
                form.managerId());
        if (!errors.hasErrors()) {
            try {
                administration.update(person.id(), details);
                redirect.addFlashAttribute("flash", "Saved " + form.displayName() + ".");
                return "redirect:/people/" + id;
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        return form(model, details, person);
    }

    @GetMapping("/people/{id}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    String confirmDisable(@PathVariable UUID id, Model model) {
        model.addAttribute("person", find(id));
        return "team/person-disable";
    }

    @PostMapping("/people/{id}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    String disable(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        Person person = administration.setEnabled(new PersonId(id), false, me.id());
        redirect.addFlashAttribute("flash", person.displayName()
                + " is disabled and can no longer sign in. Their history stays. Enable them again at any time.");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    String enable(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        Person person = administration.setEnabled(new PersonId(id), true, me.id());
        redirect.addFlashAttribute("flash", person.displayName() + " is enabled again.");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/invitation")
    @PreAuthorize("hasRole('ADMIN')")
    String resendInvitation(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        administration.resendInvitation(new PersonId(id), me.displayName());
        redirect.addFlashAttribute("flash", "A new invitation is on its way; the earlier link no longer works.");
        return "redirect:/people/" + id;
    }

    private String form(Model model, PersonDetails form, Person person) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("person", person);
        model.addAttribute("departments", Department.values());
        model.addAttribute("roles", AppRole.values());
        model.addAttribute("zones", Zones.ALL);
        model.addAttribute("days", java.time.DayOfWeek.values());
        List<Person> managers = people.enabledPeople().stream()
                .filter(p -> person == null || !p.id().equals(person.id())).toList();
        model.addAttribute("managers", managers);
        return "team/person-form";
    }

    private Person find(UUID id) {
        return people.byId(new PersonId(id)).orElseThrow(() -> new NotFoundException("Person"));
    }
}

package org.smartketing.team.people;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PageOf;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** People over JSON: everyone with a token reads; admins invite and update. */
@RestController
@Tag(name = "People")
@RequestMapping("/api/v1/people")
class PeopleApiController {

    record WorkingHoursView(LocalTime start, LocalTime end, java.util.List<DayOfWeek> days) {
    }

    record PersonView(UUID id, String email, String displayName, Department department, AppRole appRole,
            String jobRole, String timeZone, WorkingHoursView workingHours, UUID managerId, String status) {

        static PersonView of(Person p) {
            return new PersonView(p.id().value(), p.email(), p.displayName(), p.department(), p.appRole(),
                    p.jobRole(), p.zone().getId(), new WorkingHoursView(p.workingHours().start(),
                            p.workingHours().end(), p.workingHours().days().stream().sorted().toList()),
                    p.managerId() == null ? null : p.managerId().value(), p.status().toUpperCase());
        }
    }

    private final People people;
    private final PersonAdministration administration;
    private final CsvDownloads csv;

    PeopleApiController(People people, PersonAdministration administration, CsvDownloads csv) {
        this.csv = csv;
        this.people = people;
        this.administration = administration;
    }

    @Operation(operationId = "listPeople", summary = "List people")
    @GetMapping
    PageOf<PersonView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Department department,
            @RequestParam(defaultValue = "false") boolean includeDisabled,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return people.page(new People.Filter(q, department, includeDisabled), PageOf.Request.of(page, size))
                .map(PersonView::of);
    }

    /** The same list as CSV: everyone it finds (not a page), with the manager's name beside their id. */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) Department department,
            @RequestParam(defaultValue = "false") boolean includeDisabled, HttpServletResponse response)
            throws IOException {
        send(csv, people, new People.Filter(q, department, includeDisabled), response);
    }

    /** The people the filter finds as CSV, for this API and the people page. */
    static void send(CsvDownloads csv, People people, People.Filter filter, HttpServletResponse response)
            throws IOException {
        Map<UUID, String> names = people.names();
        csv.send(response, "people.csv", csv.columnsOf(PersonView.class).add("managerName", p -> names.get(p.managerId())),
                CsvWriter.Rows.allPages(page -> people.page(filter, page).map(PersonView::of)));
    }

    @Operation(operationId = "getPerson", summary = "Read a person")
    @GetMapping("/{id}")
    PersonView get(@PathVariable UUID id) {
        return PersonView.of(find(id));
    }

    @Operation(operationId = "invitePerson", summary = "Invite a person")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PersonView> invite(@Valid @RequestBody PersonDetails details,
            @AuthenticationPrincipal SignedInPerson me) {
        Person person = administration.invite(details, me.displayName());
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(PersonView.of(person));
    }

    /** Replaces the editable details; the email address stays as it is. */
    @Operation(operationId = "updatePerson", summary = "Change a person")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PersonView update(@PathVariable UUID id, @Valid @RequestBody PersonDetails details) {
        return PersonView.of(administration.update(find(id).id(), details));
    }

    private Person find(UUID id) {
        return people.byId(new PersonId(id)).orElseThrow(() -> new NotFoundException("Person " + id));
    }
}

package org.smartketing.team.teams;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.shared.NotFoundException;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Teams over JSON: everyone with a token reads; admins create and update. */
@RestController
@Tag(name = "Teams")
@RequestMapping("/api/v1/teams")
class TeamsApiController {

    record TeamView(UUID id, String name, String description, List<UUID> memberIds) {

        static TeamView of(Team t) {
            return new TeamView(t.id().value(), t.name(), t.description(),
                    t.members().stream().map(PersonId::value).sorted().toList());
        }
    }

    private final Teams teams;
    private final TeamAdministration administration;
    private final CsvDownloads csv;

    TeamsApiController(Teams teams, TeamAdministration administration, CsvDownloads csv) {
        this.csv = csv;
        this.teams = teams;
        this.administration = administration;
    }

    @Operation(operationId = "listTeams", summary = "List teams")
    @GetMapping
    List<TeamView> list() {
        return teams.all().stream().map(TeamView::of).toList();
    }

    /** The same list as CSV (the members' ids joined by commas). */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(HttpServletResponse response) throws IOException {
        csv.send(response, "teams.csv", TeamView.class, CsvWriter.Rows.of(list()));
    }

    @Operation(operationId = "getTeam", summary = "Read a team")
    @GetMapping("/{id}")
    TeamView get(@PathVariable UUID id) {
        return TeamView.of(teams.byId(new TeamId(id)).orElseThrow(() -> new NotFoundException("Team " + id)));
    }

    @Operation(operationId = "createTeam", summary = "Create a team")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TeamView> create(@Valid @RequestBody TeamDetails details) {
        Team team = administration.create(details);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(TeamView.of(team));
    }

    @Operation(operationId = "updateTeam", summary = "Change a team")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    TeamView update(@PathVariable UUID id, @Valid @RequestBody TeamDetails details) {
        return TeamView.of(administration.update(new TeamId(id), details));
    }
}

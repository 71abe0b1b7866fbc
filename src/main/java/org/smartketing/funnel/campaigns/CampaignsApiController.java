package org.smartketing.funnel.campaigns;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.shared.NotFoundException;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.team.TeamDirectory;
import org.smartketing.shared.CsvDownloads;
import org.smartketing.shared.CsvWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Campaigns over JSON, and the closed-loop attribution report. */
@RestController
@Tag(name = "Campaigns")
@RequestMapping("/api/v1/campaigns")
class CampaignsApiController {

    private final Campaigns campaigns;
    private final CampaignPlanning planning;
    private final Attribution attribution;
    private final CsvDownloads csv;
    private final TeamDirectory directory;

    CampaignsApiController(Campaigns campaigns, CampaignPlanning planning, Attribution attribution, CsvDownloads csv, TeamDirectory directory) {
        this.directory = directory;
        this.csv = csv;
        this.campaigns = campaigns;
        this.planning = planning;
        this.attribution = attribution;
    }

    @Operation(operationId = "listCampaigns", summary = "List campaigns")
    @GetMapping
    List<Campaigns.Campaign> list() {
        return campaigns.all();
    }

    /** The same list as CSV, with the owner's name beside their id. */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(HttpServletResponse response) throws IOException {
        send(csv, campaigns, directory, response);
    }

    /** Every campaign as CSV, for this API and the campaigns page. */
    static void send(CsvDownloads csv, Campaigns campaigns, TeamDirectory directory, HttpServletResponse response)
            throws IOException {
        Map<UUID, String> names = directory.names();
        csv.send(response, "campaigns.csv", csv.columnsOf(Campaigns.Campaign.class)
                .add("ownerName", c -> names.get(c.ownerId())), CsvWriter.Rows.of(campaigns.all()));
    }

    @Operation(operationId = "getCampaign", summary = "Read a campaign")
    @GetMapping("/{id}")
    Campaigns.Campaign get(@PathVariable UUID id) {
        return campaigns.byId(id).orElseThrow(() -> new NotFoundException("Campaign " + id));
    }

    @Operation(operationId = "createCampaign", summary = "Create a campaign")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<Campaigns.Campaign> create(@Valid @RequestBody CampaignDetails details,
            @AuthenticationPrincipal SignedInPerson me) {
        Campaigns.Campaign campaign = planning.create(details, me.id().value());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
    }

    /** Customers and revenue credited to each campaign under the chosen model. */
    @Operation(operationId = "getCampaignAttribution", summary = "Customers and revenue credited to each campaign under a model")
    @GetMapping("/attribution")
    List<Attribution.Credit> attribution(@RequestParam(defaultValue = "LINEAR") Attribution.Model model) {
        return attribution.report(model);
    }
}

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

/** Campaigns over JSON, and the closed-loop attribution report. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignsApiController {

    private final Campaigns campaigns;
    private final CampaignPlanning planning;
    private final Attribution attribution;

    CampaignsApiController(Campaigns campaigns, CampaignPlanning planning, Attribution attribution) {
        this.campaigns = campaigns;
        this.planning = planning;
        this.attribution = attribution;
    }

    @GetMapping
    List<Campaigns.Campaign> list() {
        return campaigns.all();
    }

    @GetMapping("/{id}")
    Campaigns.Campaign get(@PathVariable UUID id) {
        return campaigns.byId(id).orElseThrow(() -> new NotFoundException("Campaign " + id));
    }

    @PostMapping
    ResponseEntity<Campaigns.Campaign> create(@Valid @RequestBody CampaignDetails details,
            @AuthenticationPrincipal SignedInPerson me) {
        Campaigns.Campaign campaign = planning.create(details, me.id().value());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
    }

    /** Customers and revenue credited to each campaign under the chosen model. */
    @GetMapping("/attribution")
    List<Attribution.Credit> attribution(@RequestParam(defaultValue = "LINEAR") Attribution.Model model) {
        return attribution.report(model);
    }
}

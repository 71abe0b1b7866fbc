package org.smartketing.funnel.campaigns;

import jakarta.validation.Valid;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.team.TeamDirectory;
import org.smartketing.shared.CsvDownloads;

/** Marketing's campaigns and what each brought in, by the attribution model chosen. */
@Controller
class CampaignsController {

    private final Campaigns campaigns;
    private final CampaignPlanning planning;
    private final Attribution attribution;
    private final CsvDownloads csv;
    private final TeamDirectory directory;

    CampaignsController(Campaigns campaigns, CampaignPlanning planning, Attribution attribution, CsvDownloads csv, TeamDirectory directory) {
        this.directory = directory;
        this.csv = csv;
        this.campaigns = campaigns;
        this.planning = planning;
        this.attribution = attribution;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(defaultValue = "LINEAR") Attribution.Model model, Model page) {
        page.addAttribute("campaigns", campaigns.all());
        page.addAttribute("credits", attribution.report(model));
        page.addAttribute("model", model);
        page.addAttribute("models", Attribution.Model.values());
        if (!page.containsAttribute("form")) {
            page.addAttribute("form", new CampaignDetails(null, null, null, "EUR", null, null, null));
        }
        return "funnel/campaigns";
    }

    /** Every campaign as a CSV file. */
    @GetMapping(path = "/campaigns", produces = CsvDownloads.TEXT_CSV)
    void csv(HttpServletResponse response) throws IOException {
        CampaignsApiController.send(csv, campaigns, directory, response);
    }

    @PostMapping("/campaigns")
    String create(@Valid @ModelAttribute("form") CampaignDetails form, BindingResult errors,
            @AuthenticationPrincipal SignedInPerson me, Model page, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                planning.create(form, me.id().value());
                redirect.addFlashAttribute("flash", "Campaign " + form.name().strip() + " created.");
                return "redirect:/campaigns";
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue(ex.field(), "invalid", ex.getMessage());
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        return list(Attribution.Model.LINEAR, page);
    }
}

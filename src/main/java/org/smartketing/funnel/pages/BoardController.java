package org.smartketing.funnel.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pipeline board: a column per stage, newest cards first; cards move by drag or by their menu. */
@Controller
class BoardController {

    static final int CARDS_PER_COLUMN = 30;

    private final Leads leads;
    private final LeadPages names;

    BoardController(Leads leads, LeadPages names) {
        this.leads = leads;
        this.names = names;
    }

    @GetMapping("/pipeline")
    String board(@RequestParam(defaultValue = "false") boolean mine, @AuthenticationPrincipal SignedInPerson me,
            Model model) {
        UUID owner = mine ? me.id().value() : null;
        Map<Stage, List<Lead>> columns = new LinkedHashMap<>();
        for (Stage stage : Stage.pipeline()) {
            columns.put(stage, leads.find(new Leads.Filter(stage, owner, null, null, null), null, CARDS_PER_COLUMN).items());
        }
        model.addAttribute("columns", columns);
        model.addAttribute("counts", leads.countByStage());
        model.addAttribute("mine", mine);
        model.addAttribute("people", names.people());
        return "funnel/board";
    }
}

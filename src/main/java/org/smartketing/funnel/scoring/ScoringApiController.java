package org.smartketing.funnel.scoring;

import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.funnel.LeadId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The scoring rules (read for any token, replaced by an admin) and each lead's score explained. */
@RestController
@Tag(name = "Lead scoring")
class ScoringApiController {

    private final LeadScoring scoring;

    ScoringApiController(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @Operation(operationId = "getScoringRules", summary = "The fit and engagement rules leads are scored by")
    @GetMapping("/api/v1/scoring")
    ScoringRules rules() {
        return scoring.rules();
    }

    /** Replaces the threshold and both rule lists as a whole. */
    @Operation(operationId = "replaceScoringRules", summary = "Replace the scoring rules (every lead is scored again)")
    @PutMapping("/api/v1/scoring")
    ScoringRules replace(@Valid @RequestBody ScoringInput input) {
        return scoring.replaceRules(input.rules());
    }

    /** The score as of now, one line per fit rule met and per engagement. */
    @Operation(operationId = "getLeadScore", summary = "A lead's score and the rules that made it")
    @GetMapping("/api/v1/leads/{id}/score")
    ScoreExplanation score(@PathVariable UUID id) {
        return scoring.explain(new LeadId(id));
    }
}

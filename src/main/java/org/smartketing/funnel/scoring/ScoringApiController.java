package org.smartketing.funnel.scoring;

import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.funnel.LeadId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The scoring rules (read for any token, replaced by an admin) and each lead's score explained. */
@RestController
class ScoringApiController {

    private final LeadScoring scoring;

    ScoringApiController(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/api/v1/scoring")
    ScoringRules rules() {
        return scoring.rules();
    }

    /** Replaces the threshold and both rule lists as a whole. */
    @PutMapping("/api/v1/scoring")
    ScoringRules replace(@Valid @RequestBody ScoringInput input) {
        return scoring.replaceRules(input.rules());
    }

    /** The score as of now, one line per fit rule met and per engagement. */
    @GetMapping("/api/v1/leads/{id}/score")
    ScoreExplanation score(@PathVariable UUID id) {
        return scoring.explain(new LeadId(id));
    }
}

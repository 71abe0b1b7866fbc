package org.smartketing.funnel.routing;

import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.funnel.LeadId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The routing set-up (read for any token, replaced by an admin) and routing a lead on demand. */
@RestController
@Tag(name = "Lead routing")
class RoutingApiController {

    private final LeadRouter router;

    RoutingApiController(LeadRouter router) {
        this.router = router;
    }

    @Operation(operationId = "getRoutingRules", summary = "The routing rules, the default cap and the out-of-office periods")
    @GetMapping("/api/v1/routing/rules")
    RoutingSetup setup() {
        return router.setup();
    }

    /** Replaces the rules (in order), the default cap and the out-of-office periods as a whole. */
    @Operation(operationId = "replaceRoutingRules", summary = "Replace the routing rules, the default cap and the out-of-office periods")
    @PutMapping("/api/v1/routing/rules")
    RoutingSetup replace(@Valid @RequestBody RoutingInput input) {
        return router.replace(input.setup());
    }

    /** Routes an MQL again (managers and admins): the new owner, or why it stays unassigned. */
    @Operation(operationId = "routeLead", summary = "Route a lead again (managers and admins): its new owner, or why it stays unassigned")
    @PostMapping("/api/v1/leads/{id}/route")
    LeadRouter.Outcome route(@PathVariable UUID id) {
        return router.route(new LeadId(id));
    }
}

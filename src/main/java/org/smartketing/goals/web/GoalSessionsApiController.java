package org.smartketing.goals.web;

import java.net.URI;
import java.util.UUID;

import org.smartketing.goals.session.GoalSession;
import org.smartketing.goals.session.GoalSessions;
import org.smartketing.goals.web.SessionViews.SessionView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.smartketing.team.SignedInPerson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The 15-minute goal session over JSON: every change answers the session as it now stands. */
@RestController
@Tag(name = "Goal sessions")
@RequestMapping("/api/v1/goal-sessions")
class GoalSessionsApiController {

    record VoteRequest(UUID proposalId) {
    }

    record CommitRequest(String text) {
    }

    record StepRequest(String step) {
    }

    private final GoalSessions sessions;

    GoalSessionsApiController(GoalSessions sessions) {
        this.sessions = sessions;
    }

    @Operation(operationId = "startGoalSession", summary = "Start a goal-setting session")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<SessionView> start(@RequestBody GoalSessions.NewSession body, @AuthenticationPrincipal SignedInPerson me) {
        GoalSession s = sessions.start(body, me);
        return ResponseEntity.created(URI.create("/api/v1/goal-sessions/" + s.id()))
                .body(SessionView.of(sessions.board(s.id())));
    }

    @Operation(operationId = "getGoalSession", summary = "Read a goal-setting session")
    @GetMapping("/{id}")
    SessionView get(@PathVariable UUID id) {
        return SessionView.of(sessions.board(id));
    }

    @Operation(operationId = "joinGoalSession", summary = "Join a goal-setting session")
    @PostMapping("/{id}/participants")
    SessionView join(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.join(id, me));
    }

    @Operation(operationId = "restateGoalOutcome", summary = "Restate the outcome the session aims at")
    @PutMapping("/{id}/outcome")
    SessionView restate(@PathVariable UUID id, @RequestBody GoalSessions.NewSession body,
            @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.restate(id, body, me));
    }

    @Operation(operationId = "proposeGoalActivity", summary = "Propose an activity towards the outcome")
    @PostMapping("/{id}/proposals")
    SessionView propose(@PathVariable UUID id, @RequestBody GoalSessions.Proposing body,
            @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.propose(id, body, me));
    }

    @Operation(operationId = "voteOnProposals", summary = "Vote on the proposals")
    @PostMapping("/{id}/votes")
    SessionView vote(@PathVariable UUID id, @RequestBody VoteRequest body, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.vote(id, body.proposalId(), me));
    }

    @Operation(operationId = "setProposalTargets", summary = "Set a proposal's targets")
    @PutMapping("/{id}/proposals/{proposalId}")
    SessionView targets(@PathVariable UUID id, @PathVariable UUID proposalId, @RequestBody GoalSessions.Targets body,
            @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.setTargets(id, proposalId, body, me));
    }

    @Operation(operationId = "commitToGoal", summary = "Commit to the chosen activities")
    @PostMapping("/{id}/commitments")
    SessionView commit(@PathVariable UUID id, @RequestBody CommitRequest body, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.commit(id, body.text(), me));
    }

    /** Moves to a step; {@code DRAFTED} sets the draft goal ({@code goalId} in the answer). */
    @Operation(operationId = "moveGoalSessionToStep", summary = "Move the session to a step (DRAFTED drafts the goal)")
    @PostMapping("/{id}/step")
    SessionView move(@PathVariable UUID id, @RequestBody StepRequest body, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.move(id, body.step(), me));
    }
}

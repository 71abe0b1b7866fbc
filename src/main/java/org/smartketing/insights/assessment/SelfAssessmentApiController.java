package org.smartketing.insights.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The self-assessment over JSON: the open round and its statements, answering it, each round's results. */
@RestController
@Tag(name = "Self-assessment")
@RequestMapping("/api/v1/self-assessments")
class SelfAssessmentApiController {

    record StatementView(String key, String dimension, String text) {
    }

    record RoundView(UUID id, String quarter, Instant openedAt, String openedBy, Instant closedAt, boolean open) {

        static RoundView of(SelfAssessments.Round r) {
            return r == null ? null : new RoundView(r.id(), r.quarter(), r.openedAt(), r.openedBy(), r.closedAt(), r.open());
        }
    }

    record CurrentView(RoundView current, boolean answered, List<StatementView> statements, List<RoundView> rounds) {
    }

    /** A score from 1 to 5 by statement key, for every statement. */
    record AnswerBody(Map<String, Integer> answers) {
    }

    record SideView(String side, int answers, Double mean) {
    }

    record DimensionView(String dimension, List<SideView> sides, Double gap, String measure, Double measured,
            String sentence) {
    }

    record ResultsView(RoundView round, LocalDate from, LocalDate to, int minimumGroup, Map<String, Integer> answers,
            List<DimensionView> dimensions) {
    }

    private final SelfAssessments assessments;

    SelfAssessmentApiController(SelfAssessments assessments) {
        this.assessments = assessments;
    }

    @Operation(operationId = "getCurrentSelfAssessment", summary = "The open self-assessment round and your answers")
    @GetMapping
    CurrentView current(@AuthenticationPrincipal SignedInPerson me) {
        var round = assessments.current().orElse(null);
        return new CurrentView(RoundView.of(round), round != null && assessments.answered(round.id(), me.id()),
                java.util.Arrays.stream(Statement.values())
                        .map(s -> new StatementView(s.key(), s.dimension().name(), s.text())).toList(),
                assessments.rounds().stream().map(RoundView::of).toList());
    }

    @Operation(operationId = "answerSelfAssessment", summary = "Answer the open self-assessment")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    void answer(@RequestBody AnswerBody body, @AuthenticationPrincipal SignedInPerson me) {
        assessments.answer(body == null ? null : body.answers(), me);
    }

    @Operation(operationId = "getSelfAssessmentResults", summary = "A closed round's results")
    @GetMapping("/{id}/results")
    ResultsView results(@PathVariable("id") UUID round, @AuthenticationPrincipal SignedInPerson me) {
        var r = assessments.results(round, me.zone());
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        r.answers().forEach((side, n) -> answers.put(side.name(), n));
        return new ResultsView(RoundView.of(r.round()), r.from(), r.to(), SelfAssessments.GROUP, answers,
                r.dimensions().stream().map(d -> new DimensionView(d.dimension().name(),
                        d.sides().values().stream().map(s -> new SideView(s.side().name(), s.answers(), s.mean())).toList(),
                        d.gap(), d.dimension().measure().name(), d.measured(), d.sentence())).toList());
    }

    @Operation(operationId = "openSelfAssessmentRound", summary = "Open a self-assessment round")
    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    RoundView open() {
        return RoundView.of(assessments.openThisQuarter("admin"));
    }

    @Operation(operationId = "closeSelfAssessmentRound", summary = "Close a self-assessment round")
    @PostMapping("/rounds/{id}/close")
    RoundView close(@PathVariable("id") UUID round) {
        return RoundView.of(assessments.close(round));
    }
}

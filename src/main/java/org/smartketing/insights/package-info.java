/**
 * Insights, "is your business smart-keting?": the alignment dashboard's tiles (funnel, SLA,
 * rejections, closed loop, follow-through, goals, cross-training, responsiveness), each a chart and
 * the table behind it with its freshness, as JSON and CSV; the measured values a smart-keting score
 * is built from. It reads the other parts only through their root read faces and their events, and
 * keeps its own rollups (fed by those events, rebuilt from the read faces, reconciled nightly).
 *
 * <p>Other parts use {@link org.smartketing.insights.InsightTiles} and the records beside it;
 * everything in the sub-packages is internal.
 */
@org.smartketing.shared.OwnsTables({ "insight_stage_change", "insight_assignment", "insight_breach",
        "insight_rebuild", "insight_drift", "insight_stage_count", "insight_stage_day", "insight_stage_stay",
        "insight_stage_lead", "insight_assessment_round", "insight_assessment_participant",
        "insight_assessment_response", "insight_assessment_score", "insight_score_weight", "insight_score_weight_change",
        "insight_score_snapshot", "insight_score_snapshot_part" })
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
        allowedDependencies = { "team", "activity", "funnel", "comms", "meetings", "crosstraining", "goals", "shared",
                "web" })
package org.smartketing.insights;

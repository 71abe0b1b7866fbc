/**
 * Shared goals built from activities: a team's outcome (40 new customers this quarter) with the
 * activity plan that leads there, progress counted from the activity log, the funnel and meetings,
 * pace and forecast, reviews on a cadence with every adjustment kept, and management endorsement.
 *
 * <p>Other parts use {@link org.smartketing.goals.GoalId} and the events beside this file;
 * everything in the sub-packages is internal.
 */
@org.smartketing.shared.OwnsTables({ "goal", "goal_activity", "goal_activity_owner", "goal_revision", "goal_endorsement",
        "goal_check_in", "goal_commitment", "goal_funnel_move", "goal_sla_breach", "goal_item_done", "goal_review",
        "goal_session", "goal_session_participant", "goal_session_proposal", "goal_session_owner", "goal_session_vote" })
@org.springframework.modulith.ApplicationModule(displayName = "Goals",
        allowedDependencies = { "team", "activity", "funnel", "meetings", "comms", "shared", "web" })
package org.smartketing.goals;

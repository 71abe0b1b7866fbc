/**
 * Shared goals built from activities: a team's outcome (40 new customers this quarter) with the
 * activity plan that leads there, progress counted from the activity log, the funnel and meetings,
 * pace and forecast, reviews on a cadence with every adjustment kept, and management endorsement.
 *
 * <p>Other parts use {@link org.smartketing.goals.GoalId} and the events beside this file;
 * everything in the sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Goals",
        allowedDependencies = { "team", "activity", "funnel", "meetings", "comms", "shared", "web" })
package org.smartketing.goals;

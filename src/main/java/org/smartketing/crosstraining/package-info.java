/**
 * Cross-training: hour budgets for learning the other department's job, shadowing sessions on real
 * calls, demos and campaigns (offers of seats, asks, one-click matching) and planned sessions, with
 * calendar invitations and reminders; reflections whose change becomes an action item; the coverage
 * matrix with its gaps and pairing suggestions; and the effect on handoff quality.
 *
 * <p>Other parts use the ids and events beside this file; everything in the sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-training")
@org.smartketing.shared.OwnsTables({ "crosstraining_settings", "crosstraining_budget", "crosstraining_offer",
        "crosstraining_session", "crosstraining_learner", "crosstraining_ask", "crosstraining_reflection",
        "crosstraining_handoff_fact", "crosstraining_learner_hours_lock" })
package org.smartketing.crosstraining;

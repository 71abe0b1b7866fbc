/**
 * The shared funnel: leads, their stages from new to customer, intake from every channel,
 * deduplication, and the handoff between marketing and sales.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funnel")
@org.smartketing.shared.OwnsTables({ "campaign", "lead", "lead_touch", "lead_stage_event", "lead_stage_entry_day",
        "rejection_reason", "idempotent_response", "web_form", "lead_external_id", "lead_custom_field", "lead_merge", "lead_duplicate_dismissal", "saved_lead_view", "scoring_fit_rule",
        "scoring_engagement_rule", "scoring_settings", "lead_engagement", "scoring_rescore", "routing_rule",
        "routing_pool_member", "routing_settings", "rep_out_of_office", "lead_routing", "sla_agreement",
        "sla_signature", "lead_sla_clock", "lead_import_change", "lead_import_touch",
        "suppression_entry", "suppression_settings" })
package org.smartketing.funnel;

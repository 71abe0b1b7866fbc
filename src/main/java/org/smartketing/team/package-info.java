/**
 * The people of sales, marketing, management and operations, their teams, sign-in, API tokens and
 * the audit log every part writes its changes to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team")
@org.smartketing.shared.OwnsTables({ "person", "team", "team_member", "installation_claim", "one_time_link",
        "api_token", "audit_entry", "spring_session", "spring_session_attributes" })
package org.smartketing.team;

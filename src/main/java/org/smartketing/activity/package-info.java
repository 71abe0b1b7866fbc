/**
 * The shared activity log: the calls, emails, meetings and demos of sales, the content, campaigns,
 * webinars and events of marketing, and the funnel's stage changes, which goals and insights count.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activity",
        allowedDependencies = { "team", "shared", "web" })
@org.smartketing.shared.OwnsTables({ "activity", "activity_count" })
package org.smartketing.activity;

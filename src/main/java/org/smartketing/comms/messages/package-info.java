/**
 * Messages: the router that plans each recipient's deliveries from their reach, the plan that is
 * also the outbox (one persistent job per due step, claimed once), acknowledgement (in the app, by
 * API, by signed link) and escalation, the funnel's notifications, the pages, the API and the measures.
 */
package org.smartketing.comms.messages;

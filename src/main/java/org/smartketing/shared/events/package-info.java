/**
 * The event publication registry's jobs (resubmission, clean-up), {@code Reactions} (once per event)
 * and {@code /actuator/events}; the registry's tables and the reaction marks are its own.
 */
@org.smartketing.shared.OwnsTables({ "event_publication", "event_publication_archive", "event_reaction" })
package org.smartketing.shared.events;

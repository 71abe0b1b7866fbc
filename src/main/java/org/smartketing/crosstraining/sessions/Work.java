package org.smartketing.crosstraining.sessions;

import java.util.UUID;

/**
 * The real piece of work a shadowing seat is on, as its owner's face named it when the seat was
 * offered: an activity logged (or planned) in the activity log, a meeting, or a campaign.
 *
 * @param kind  {@code activity}, {@code meeting} or {@code campaign}
 * @param type  what kind of work it is for the coverage matrix: the activity's type
 *              ({@code DEMO}, {@code CALL}, …), {@code MEETING} or {@code CAMPAIGN}
 * @param title how people read it, or null
 */
public record Work(String kind, UUID id, String type, String title) {
}

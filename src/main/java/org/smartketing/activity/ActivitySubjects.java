package org.smartketing.activity;

import java.util.UUID;

/**
 * What the activity log asks about the leads and campaigns an activity names. The part that owns
 * leads and campaigns (the funnel) implements it as a bean. An id counts as known when any such bean
 * says so; while no bean exists, every lead and campaign id is refused.
 */
public interface ActivitySubjects {

    boolean leadExists(UUID id);

    boolean campaignExists(UUID id);
}

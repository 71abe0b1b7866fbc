package org.smartketing.goals.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.goals.*}.
 *
 * @param reviewAtHour  the hour of day (in the goal's zone) a review comes due and its owners hear of it
 * @param escalateAfter how long a due review may stay unheld before the sponsor is told
 */
@ConfigurationProperties("smartketing.goals")
record ReviewSettings(@DefaultValue("9") int reviewAtHour, @DefaultValue("2d") Duration escalateAfter) {
}

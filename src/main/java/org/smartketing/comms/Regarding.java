package org.smartketing.comms;

/**
 * What a message is about, shown as a link on it: a lead, a meeting, a goal.
 *
 * @param kind  {@code lead}, {@code meeting}, {@code action-item}, {@code goal}…
 * @param id    the thing's id in its part
 * @param title what people read, e.g. the lead's name
 * @param path  the app-relative page, e.g. {@code /leads/…}; the router makes it absolute with the base URL
 */
public record Regarding(String kind, String id, String title, String path) {
}

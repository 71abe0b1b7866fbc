package org.smartketing.comms;

/** How soon a message needs its recipient; each person states channels and a response time per urgency. */
public enum Urgency {
    URGENT, NORMAL, FYI
}

package org.smartketing.comms;

/** A way to reach a person. Phone (text, voice) and chat addresses are verified before use. */
public enum Channel {
    EMAIL, SMS, VOICE, CHAT, IN_APP
}

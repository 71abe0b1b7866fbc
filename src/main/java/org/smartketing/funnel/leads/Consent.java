package org.smartketing.funnel.leads;

import java.time.Instant;

/** Whether the lead agreed to marketing, when and how (a form's checkbox, an event badge scan...). */
public record Consent(boolean given, Instant at, String method) {

    public static Consent none() {
        return new Consent(false, null, null);
    }
}

package org.smartketing.funnel.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.sla.*}.
 *
 * @param acceptHours       the accept clock's working hours until an agreement is saved
 * @param firstContactHours the first-contact clock's working hours until an agreement is saved
 * @param mqlsPerMonth      marketing's monthly MQL commitment until an agreement is saved
 */
@ConfigurationProperties("smartketing.sla")
record SlaSettings(@DefaultValue("8") int acceptHours, @DefaultValue("24") int firstContactHours,
        @DefaultValue("50") int mqlsPerMonth) {
}

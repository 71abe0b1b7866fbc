package org.smartketing.funnel.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.funnel.*}.
 *
 * @param defaultPhoneRegion country whose numbering applies to phone numbers written without a
 *                           country code, when the lead's own country is unknown
 * @param webFormsPerMinute  website-form submissions one address may make in a minute
 */
@ConfigurationProperties("smartketing.funnel")
record FunnelSettings(@DefaultValue("US") String defaultPhoneRegion, @DefaultValue("20") int webFormsPerMinute) {
}

package org.smartketing.team.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.api.*}.
 *
 * @param rateLimit how many API requests a token, and an address without a valid token, may make
 */
@ConfigurationProperties("smartketing.api")
public record ApiSettings(@DefaultValue RateLimit rateLimit) {

    /**
     * @param perToken   requests one API token may make per {@code window}, across every node
     * @param perAddress requests without a valid token (none, unknown or revoked) one address may make per {@code window}
     * @param window     the period the allowances refill over (gradually, not all at once at its end)
     * @param syncEvery  at the latest after this long, a node writes what it spent to the shared count;
     *                   it also does once it has spent a sixtieth of an allowance on its own
     */
    public record RateLimit(@DefaultValue("600") int perToken, @DefaultValue("120") int perAddress,
            @DefaultValue("1m") Duration window, @DefaultValue("1s") Duration syncEvery) {
    }
}

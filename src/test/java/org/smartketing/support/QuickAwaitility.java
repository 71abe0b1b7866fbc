package org.smartketing.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility's defaults for every test (registered through {@code META-INF/services}): look at once
 * and then every 20 ms rather than after 100 ms and every 100 ms, since most waits here are for an
 * after-commit listener or a job that is done within milliseconds; give up after 20 s.
 */
public class QuickAwaitility implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
        Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
    }
}

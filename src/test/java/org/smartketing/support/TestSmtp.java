package org.smartketing.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * A real SMTP server (GreenMail) on a port free when the suite starts, so two checkouts can test
 * side by side. Tests that share {@link Properties} share one application context; the port stays
 * the same when a test stops and starts the server again.
 */
public final class TestSmtp {

    public static final int PORT = TestSocketUtils.findAvailableTcpPort();

    private TestSmtp() {
    }

    /** A GreenMail server on {@link #PORT} accepting any sender without authentication. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** Points the application's mail at {@link #PORT}. */
    public static class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT).applyTo(context);
        }
    }
}

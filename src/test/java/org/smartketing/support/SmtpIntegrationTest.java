package org.smartketing.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application with its mail going to {@link TestSmtp} (register {@code TestSmtp.server()} in
 * the test class), on the test database, with MockMvc. One shared context for every test class
 * that uses this annotation alone; the one of {@link IntegrationTest} keeps mail in the outbox.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "smartketing.mail.from=Smartketing <team@smartketing.test>",
        "smartketing.base-url=https://smartketing.example.com" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
@ContextConfiguration(initializers = TestSmtp.Properties.class)
public @interface SmtpIntegrationTest {
}

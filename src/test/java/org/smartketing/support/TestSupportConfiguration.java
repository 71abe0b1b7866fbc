package org.smartketing.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    static WriteStatements writeStatements() {
        return new WriteStatements();
    }

    @Bean
    KnownSubjects knownSubjects() {
        return new KnownSubjects();
    }

    @Bean
    Fixtures fixtures(org.smartketing.team.people.People people,
            org.springframework.security.crypto.password.PasswordEncoder encoder,
            org.smartketing.team.tokens.ApiTokens tokens, org.springframework.jdbc.core.simple.JdbcClient jdbc,
            javax.sql.DataSource dataSource, org.smartketing.funnel.intake.LeadIntake intake,
            org.smartketing.mail.MailOutbox outbox,
            org.springframework.beans.factory.ObjectProvider<org.springframework.test.web.servlet.MockMvc> mvc,
            tools.jackson.databind.json.JsonMapper json) {
        return new Fixtures(people, encoder, tokens, jdbc, dataSource, intake, outbox, mvc, json);
    }
}

package org.smartketing;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SmartketingApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmartketingApplication.class, args);
    }

    /** One clock for every part, so tests can move time instead of waiting for it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.smartketing.activity.log;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant no more than a day after now, by the application's clock: activities are logged
 * when done, or at most the evening before. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = AtMostADayAhead.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface AtMostADayAhead {

    String message() default "must not be more than a day in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's validator factory, which passes the application's clock. */
    class Validator implements ConstraintValidator<AtMostADayAhead, Instant> {

        private final Clock clock;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(clock.instant().plus(Duration.ofDays(1)));
        }
    }
}

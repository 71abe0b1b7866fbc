package org.smartketing.activity.log;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.smartketing.activity.ActivityType;

/** A type people log themselves: not a stage change, which the funnel records. {@code null} is valid. */
@Documented
@Constraint(validatedBy = LoggedByHand.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface LoggedByHand {

    String message() default "is recorded by the funnel, not logged by hand";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LoggedByHand, ActivityType> {

        @Override
        public boolean isValid(ActivityType value, ConstraintValidatorContext context) {
            return value == null || value.loggedByHand();
        }
    }
}

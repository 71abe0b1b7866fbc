package org.smartketing.web;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** A refused change on a page: the person sees why, with a way back, not a bare error code. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler({ RuleViolationException.class, FieldConflictException.class, InvalidFieldException.class,
            DuplicateKeyException.class, NotPermittedException.class })
    ModelAndView refused(RuntimeException ex) {
        HttpStatus status = ex instanceof InvalidFieldException ? HttpStatus.BAD_REQUEST
                : ex instanceof NotPermittedException ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        ModelAndView view = new ModelAndView("error/general");
        view.addObject("status", status.value());
        view.addObject("reason", ex instanceof InvalidFieldException ? "Please check what you entered"
                : ex instanceof NotPermittedException ? "You may not do this" : "That cannot be done now");
        view.addObject("message", ex instanceof DuplicateKeyException
                ? "This clashes with something saved a moment ago; go back, reload and try again."
                : ex instanceof InvalidFieldException field ? field.field() + ": " + field.getMessage() : ex.getMessage());
        view.setStatus(status);
        return view;
    }

    /**
     * A form field the handler could not take (missing, or not of its type) and no form to show it
     * on: a 400 page naming the field.
     */
    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            BindException.class, HandlerMethodValidationException.class })
    ModelAndView unreadable(Exception ex) {
        String wrongType = "has a value of the wrong type or format";
        InvalidFieldException field = new InvalidFieldException("form", "is not valid");
        if (ex instanceof MissingServletRequestParameterException missing) {
            field = new InvalidFieldException(missing.getParameterName(), "is required");
        }
        else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            field = new InvalidFieldException(mismatch.getName(), wrongType);
        }
        else if (ex instanceof BindException bind && bind.getFieldError() != null) {
            field = new InvalidFieldException(bind.getFieldError().getField(),
                    bind.getFieldError().isBindingFailure() ? wrongType : bind.getFieldError().getDefaultMessage());
        }
        else if (ex instanceof HandlerMethodValidationException invalid
                && !invalid.getParameterValidationResults().isEmpty()) {
            var result = invalid.getParameterValidationResults().get(0);
            field = new InvalidFieldException(result.getMethodParameter().getParameterName(),
                    result.getResolvableErrors().get(0).getDefaultMessage());
        }
        return refused(field);
    }
}

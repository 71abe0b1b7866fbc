package org.smartketing.web;

import java.beans.PropertyEditorSupport;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * An empty form field means "not given", as an absent JSON property does, so the same constraints
 * hold for pages and the API. Text is otherwise kept as typed (a password may start with a space).
 */
@ControllerAdvice(annotations = Controller.class)
class FormBinding {

    @InitBinder
    void emptyFieldsAreNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }
}

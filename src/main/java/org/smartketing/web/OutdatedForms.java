package org.smartketing.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A page whose change was based on a version replaced meanwhile ({@code StaleVersionException}):
 * it is shown again as 409, with the current state and the person's input still in its form, and
 * says why in {@code ${conflict}}.
 */
public final class OutdatedForms {

    private OutdatedForms() {
    }

    /** @param what what was changed meanwhile, as the sentence names it ("the routing") */
    public static void explain(Model model, HttpServletResponse response, String what) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("conflict", "Someone else changed " + what + " while you were on this page, so your "
                + "change was not saved. The page now shows " + what + " as it is; what you typed is still in its "
                + "form: check it and save again.");
    }
}

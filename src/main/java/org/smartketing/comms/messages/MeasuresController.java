package org.smartketing.comms.messages;

import java.time.Duration;

import org.smartketing.shared.InvalidFieldException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The communication measures, as a page and as JSON ({@code ?days=90}, 1–366). */
@Controller
class MeasuresController {

    private final MessageMeasures measures;

    MeasuresController(MessageMeasures measures) {
        this.measures = measures;
    }

    @GetMapping("/messages/measures")
    String page(@RequestParam(required = false) Integer days, Model model) {
        int period = days == null || days < 1 || days > 366 ? 90 : days;
        model.addAttribute("days", period);
        model.addAttribute("measures", measures.over(Duration.ofDays(period)));
        return "comms/measures";
    }

    @GetMapping("/api/v1/messages/measures")
    @ResponseBody
    MessageMeasures.Measures api(@RequestParam(defaultValue = "90") int days) {
        if (days < 1 || days > 366) {
            throw new InvalidFieldException("days", "must be between 1 and 366");
        }
        return measures.over(Duration.ofDays(days));
    }
}

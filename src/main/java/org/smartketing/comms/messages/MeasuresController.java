package org.smartketing.comms.messages;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The communication measures as a page; as JSON in {@link MessagesApiController}. */
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
}

package org.smartketing.team;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The global search of the page header: leads, people, campaigns and meetings, each part's hits in a group. */
@Controller
class SearchController {

    static final int MAX_LENGTH = 100;
    static final int PER_GROUP = 8;

    private static final Logger log = LoggerFactory.getLogger(SearchController.class);

    private final ObjectProvider<SearchSection> sections;

    SearchController(ObjectProvider<SearchSection> sections) {
        this.sections = sections;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @AuthenticationPrincipal SignedInPerson me, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        if (text.length() > MAX_LENGTH) {
            model.addAttribute("problem", "Search: at most " + MAX_LENGTH + " characters, please.");
            model.addAttribute("q", text.substring(0, MAX_LENGTH));
        }
        else if (text.length() >= 2) {
            model.addAttribute("groups", groups(text, me));
        }
        else if (!text.isEmpty()) {
            model.addAttribute("problem", "Search: type at least two characters.");
        }
        return "team/search";
    }

    private List<SearchSection.Group> groups(String text, SignedInPerson me) {
        List<SearchSection.Group> found = new ArrayList<>();
        sections.orderedStream().forEach(section -> {
            try {
                section.search(text, me, PER_GROUP).filter(g -> !g.hits().isEmpty()).ifPresent(found::add);
            }
            catch (RuntimeException ex) {
                log.warn("Search section {} failed for {}", section.getClass().getSimpleName(), me.id(), ex);
            }
        });
        return found;
    }
}

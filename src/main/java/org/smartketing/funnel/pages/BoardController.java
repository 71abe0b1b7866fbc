package org.smartketing.funnel.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pipeline board: a column per stage, newest cards first, 30 at a time with a link to the next
 * 30; cards move by drag or by their menu. The counts and amounts follow the filter ("only mine").
 */
@Controller
class BoardController {

    static final int CARDS_PER_COLUMN = 30;

    /**
     * One stage's column as shown: its cards from {@code seen} on, the cursor of the next ones, and the
     * whole column's count and amounts per currency.
     */
    public record Column(Stage stage, List<Lead> cards, String nextCursor, long seen, long count,
            Map<Currency, BigDecimal> amounts) {

        public long remaining() {
            return Math.max(0, count - seen - cards.size());
        }

        public long nextBatch() {
            return Math.min(CARDS_PER_COLUMN, remaining());
        }
    }

    private final Leads leads;
    private final LeadPages names;

    BoardController(Leads leads, LeadPages names) {
        this.leads = leads;
        this.names = names;
    }

    /**
     * {@code stage}, {@code cursor} and {@code seen} page one column on (its "show more" link); the
     * other columns show their first cards.
     */
    @GetMapping("/pipeline")
    String board(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "0") long seen,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal SignedInPerson me, Model model) {
        UUID owner = mine ? me.id().value() : null;
        Map<Stage, Leads.StageTotal> totals = leads.totalsByStage(owner);
        List<Column> columns = new ArrayList<>();
        for (Stage s : Stage.pipeline()) {
            boolean paged = s == stage && cursor != null && !cursor.isBlank();
            Leads.Slice slice = leads.find(new Leads.Filter(s, owner, null, null, null), paged ? cursor : null,
                    CARDS_PER_COLUMN);
            Leads.StageTotal total = totals.get(s);
            columns.add(new Column(s, slice.items(), slice.nextCursor(), paged ? Math.max(seen, 0) : 0, total.count(),
                    total.amounts()));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("totals", totals);
        model.addAttribute("mine", mine);
        // a move made in place shows its flash in the board's own status line, which htmx swaps in
        model.addAttribute("inPlace", htmx != null);
        model.addAttribute("people", names.people());
        return "funnel/board";
    }
}

package org.smartketing.web;

import org.smartketing.shared.CsvDownloads;
import org.smartketing.shared.PageOf;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to the pages around the list being shown, keeping its filters: {@code ${@pageLinks.next(people)}};
 * and to the whole list as CSV with the same filters ({@code ${@pageLinks.csv()}}, see {@link CsvDownloads}).
 */
@Component("pageLinks")
public class PageLinks {

    public String next(PageOf<?> current) {
        return to(current.page() + 1);
    }

    public String previous(PageOf<?> current) {
        return to(Math.max(0, current.page() - 1));
    }

    /** This list, every page of it, as CSV. */
    public String csv() {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").replaceQueryParam("cursor")
                .replaceQueryParam("size").replaceQueryParam("format", "csv").build().toUriString();
    }

    private String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build()
                .toUriString();
    }
}

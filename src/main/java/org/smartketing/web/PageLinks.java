package org.smartketing.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to another page of the list being shown, keeping its filters: {@code ${@pageLinks.to(2)}}. */
@Component("pageLinks")
public class PageLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build()
                .toUriString();
    }
}

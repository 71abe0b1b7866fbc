package org.smartketing.web;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two files browsers and crawlers ask for at the root whatever the pages link: without them a
 * crawler was sent to sign-in and every first visit logged a 404 for the icon.
 */
@RestController
class SiteFiles {

    /** Everything behind sign-in; the sign-in page itself is not worth indexing either. */
    static final String ROBOTS = "User-agent: *\nDisallow: /\n";

    private static final Resource ICON = new ClassPathResource("static/img/favicon.ico");
    private static final CacheControl A_WEEK = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().cacheControl(A_WEEK).body(ROBOTS);
    }

    @GetMapping("/favicon.ico")
    ResponseEntity<Resource> favicon() {
        return ResponseEntity.ok().cacheControl(A_WEEK).contentType(MediaType.parseMediaType("image/x-icon")).body(ICON);
    }
}

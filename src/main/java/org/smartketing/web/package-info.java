/**
 * The page layout, error pages and API problem details, and the small helpers every part's pages
 * and API share (input constraints, time display, paging). No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.smartketing.web;

/**
 * Small building blocks every part uses: input constraints, paging, the exceptions that pages and
 * the API turn into field errors or conflicts, and UTC time conversion for JDBC.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.smartketing.shared;

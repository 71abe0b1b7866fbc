/**
 * The people of sales, marketing, management and operations, their teams, sign-in, API tokens and
 * the audit log every part writes its changes to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team")
package org.smartketing.team;

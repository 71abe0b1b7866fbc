/**
 * The shared funnel: leads, their stages from new to customer, intake from every channel,
 * deduplication, and the handoff between marketing and sales.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funnel")
package org.smartketing.funnel;

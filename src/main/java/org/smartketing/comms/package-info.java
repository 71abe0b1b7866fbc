/**
 * Lines of communication: how each person asked to be reached (contact methods, communication
 * expectations per urgency, quiet hours, off-grid periods with a delegate), and the router that
 * turns every message — from a person or from another part of the product — into a delivery plan
 * per recipient, delivers it through an outbox, waits for an acknowledgement and escalates.
 *
 * <p>Other parts use {@link org.smartketing.comms.Messenger} and the types beside it; everything
 * in the sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Communication")
@org.smartketing.shared.OwnsTables({ "comms_contact_method", "comms_expectations", "comms_off_grid",
        "comms_inbox_item", "comms_message", "comms_recipient", "comms_step", "comms_attempt",
        "comms_link_key" })
package org.smartketing.comms;

/**
 * Every outgoing HTTP call to an address someone entered (chat webhooks, text and voice providers,
 * outgoing webhooks): which addresses may be called, and the one client with its timeouts that
 * calls them. Settings under {@code smartketing.comms.outbound.*}, where they were first set.
 */
package org.smartketing.shared.outbound;

package org.smartketing.shared;

import java.util.function.Consumer;

/**
 * Tells every node of the application that something changed, so each can forget what it keeps
 * in memory or push to the pages it has open. On PostgreSQL a signal is a {@code NOTIFY} sent in
 * the current transaction, so other nodes hear of it when (and only if) it commits; on the
 * embedded database there is one node. Handlers run on the node's own signal thread and must be
 * quick. A signal may be missed while a node's listening connection is re-opened: the node then
 * calls every handler with {@code null}, meaning "anything of yours may have changed".
 */
public interface NodeSignals {

    /** Announces the topic's payload to every node, this one included, once the current transaction commits. */
    void announce(String topic, String payload);

    /** Calls the handler with each payload announced on the topic, or {@code null} after signals may have been missed. */
    void listen(String topic, Consumer<String> handler);
}

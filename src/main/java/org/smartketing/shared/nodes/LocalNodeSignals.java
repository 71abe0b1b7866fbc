package org.smartketing.shared.nodes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.shared.NodeSignals;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The handlers of this node, called after the announcing transaction commits (the embedded database's one node). */
class LocalNodeSignals implements NodeSignals {

    private static final Logger log = LoggerFactory.getLogger(LocalNodeSignals.class);

    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();

    @Override
    public void announce(String topic, String payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(topic, payload);
                }
            });
        }
        else {
            deliver(topic, payload);
        }
    }

    @Override
    public void listen(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    void deliver(String topic, String payload) {
        for (Consumer<String> handler : handlers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(payload);
            }
            catch (RuntimeException ex) {
                log.warn("A handler of node signal {} failed", topic, ex);
            }
        }
    }

    /** Tells every handler that signals may have been missed. */
    void deliverMissed() {
        handlers.forEach((topic, list) -> deliver(topic, null));
    }
}

package com.incidentconsole.wire;

import java.util.List;

/** An automation on a checklist item: when {@code trigger} fires, run {@code actions}. Payloads are JSON strings. */
public record TaskAction(TriggerAction trigger, List<TriggerAction> actions) {

    public TaskAction {
        actions = Lists.of(actions);
    }

    public record TriggerAction(String type, String payload) {
        public TriggerAction {
            type = Lists.text(type);
            payload = Lists.text(payload);
        }
    }
}

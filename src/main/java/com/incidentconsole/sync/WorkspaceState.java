package com.incidentconsole.sync;

/** The stores of one server, shared by the engine that writes them and the workspace that shows them. */
record WorkspaceState(RunStore runs, UserDirectory users, PlaybookDirectory playbooks, PendingActions pending,
                      ConnectionStatusHolder status, Identity identity) {

    static WorkspaceState empty() {
        return new WorkspaceState(new RunStore(), new UserDirectory(), new PlaybookDirectory(), new PendingActions(),
                new ConnectionStatusHolder(), new Identity());
    }
}

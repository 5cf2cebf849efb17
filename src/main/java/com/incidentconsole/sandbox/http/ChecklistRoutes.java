package com.incidentconsole.sandbox.http;

import com.incidentconsole.sandbox.runs.ChecklistService;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.RunRequests;
import java.util.Map;

/** Checklist and item routes (playbooks-api.md §2.4–2.5); {@code /items/{i}} is an alias of {@code /item/{i}}. */
public final class ChecklistRoutes {

    private static final String C = "/plugin/runs/{id}/checklists";
    private static final Router.Area P = Router.Area.PLUGIN;

    private final ChecklistService checklists;

    public ChecklistRoutes(ChecklistService checklists) {
        this.checklists = checklists;
    }

    public void register(Router router) {
        router.add("POST", C, P, c -> {
                    checklists.addChecklist(c.userId(), c.param("id"), c.body(Checklist.class));
                    return Reply.empty(201);
                })
                .add("POST", C + "/move", P, c -> {
                    checklists.moveChecklist(c.userId(), c.param("id"), c.body(RunRequests.ChecklistMove.class));
                    return Reply.empty(200);
                })
                .add("POST", C + "/move-item", P, c -> {
                    checklists.moveItem(c.userId(), c.param("id"), c.body(RunRequests.ItemMove.class));
                    return Reply.empty(200);
                })
                .add("DELETE", C + "/{n}", P, c -> {
                    checklists.deleteChecklist(c.userId(), c.param("id"), c.index("n"));
                    return Reply.empty(201);
                })
                .add("PUT", C + "/{n}/rename", P, c -> {
                    checklists.renameChecklist(c.userId(), c.param("id"), c.index("n"),
                            c.body(RunRequests.ChecklistRename.class).title());
                    return Reply.empty(200);
                })
                .add("POST", C + "/{n}/duplicate", P, c -> {
                    checklists.duplicateChecklist(c.userId(), c.param("id"), c.index("n"));
                    return Reply.empty(201);
                })
                .add("PUT", C + "/{n}/skip", P, c -> {
                    checklists.skipChecklist(c.userId(), c.param("id"), c.index("n"), true);
                    return Reply.empty(204);
                })
                .add("PUT", C + "/{n}/restore", P, c -> {
                    checklists.skipChecklist(c.userId(), c.param("id"), c.index("n"), false);
                    return Reply.empty(204);
                })
                .add("POST", C + "/{n}/add", P, c -> {
                    checklists.addItem(c.userId(), c.param("id"), c.index("n"), c.body(ChecklistItem.class));
                    return Reply.empty(201);
                });
        for (String item : new String[] {"/item/{i}", "/items/{i}"}) {
            String base = C + "/{n}" + item;
            router.add("PUT", base + "/state", P, c -> {
                        checklists.setState(c.userId(), c.param("id"), c.index("n"), c.index("i"),
                                c.body(RunRequests.ItemState.class).newState());
                        return Reply.ok(Map.of());
                    })
                    .add("PUT", base + "/assignee", P, c -> {
                        checklists.setAssignee(c.userId(), c.param("id"), c.index("n"), c.index("i"),
                                c.body(RunRequests.Assignee.class));
                        return Reply.ok(Map.of());
                    })
                    .add("PUT", base + "/duedate", P, c -> {
                        checklists.setDueDate(c.userId(), c.param("id"), c.index("n"), c.index("i"),
                                c.body(RunRequests.DueDate.class).dueDate());
                        return Reply.ok(Map.of());
                    })
                    .add("PUT", base + "/command", P, c -> {
                        checklists.setCommand(c.userId(), c.param("id"), c.index("n"), c.index("i"),
                                c.body(RunRequests.Command.class).command());
                        return Reply.ok(Map.of());
                    })
                    .add("POST", base + "/run", P, c -> {
                        if (!c.body().isBlank()) {
                            throw new com.incidentconsole.sandbox.state.Rejection(400, "request body must be empty");
                        }
                        return Reply.ok(Map.of("trigger_id",
                                checklists.runCommand(c.userId(), c.param("id"), c.index("n"), c.index("i"))));
                    })
                    // playbook_runs.go itemSkip / itemRestore -> SkipChecklistItem / RestoreChecklistItem
                    .add("PUT", base + "/skip", P, c -> {
                        checklists.skipItem(c.userId(), c.param("id"), c.index("n"), c.index("i"), true);
                        return Reply.empty(204);
                    })
                    .add("PUT", base + "/restore", P, c -> {
                        checklists.skipItem(c.userId(), c.param("id"), c.index("n"), c.index("i"), false);
                        return Reply.empty(204);
                    })
                    // playbook_runs.go itemDuplicate: like itemRun it refuses a non-empty body.
                    .add("POST", base + "/duplicate", P, c -> {
                        if (!c.body().isBlank()) {
                            throw new com.incidentconsole.sandbox.state.Rejection(400, "request body must be empty");
                        }
                        checklists.duplicateItem(c.userId(), c.param("id"), c.index("n"), c.index("i"));
                        return Reply.empty(201);
                    })
                    .add("PUT", base, P, c -> {
                        checklists.editItem(c.userId(), c.param("id"), c.index("n"), c.index("i"),
                                c.body(RunRequests.ItemEdit.class));
                        return Reply.empty(200);
                    })
                    .add("DELETE", base, P, c -> {
                        checklists.deleteItem(c.userId(), c.param("id"), c.index("n"), c.index("i"));
                        return Reply.empty(204);
                    });
        }
    }
}

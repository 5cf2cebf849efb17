package com.incidentconsole.playbook.library.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The server calls pull and push need, for the REST client to implement (one server, one session).
 * Kept this small so the library does not depend on the client and tests can use an in-memory fake.
 * Failures are {@link IOException}s, preferably {@link PlaybookRemoteException} so callers can tell why.
 */
public interface PlaybookRemote {

    /** {@code GET /playbooks/{id}}: the full playbook JSON, whose {@code update_at} push compares. */
    ObjectNode get(String playbookId) throws IOException;

    /** {@code GET /playbooks/{id}/export}: the export text, exactly as the server sent it. */
    String export(String playbookId) throws IOException;

    /** {@code PUT /playbooks/{id}} with a full playbook body (a full replace; see {@link ExportOverlay}). */
    void replace(String playbookId, ObjectNode fullPlaybook) throws IOException;

    /** {@code POST /playbooks/import?team_id=}: creates a playbook from export text, returns its id. */
    String importPlaybook(String teamId, String exportText) throws IOException;

    /** The playbooks the user can see (not archived), in every team, for picking one to pull. */
    List<RemotePlaybook> list() throws IOException;

    /** The user's teams, for choosing where a new playbook is created. */
    List<RemoteTeam> teams() throws IOException;
}

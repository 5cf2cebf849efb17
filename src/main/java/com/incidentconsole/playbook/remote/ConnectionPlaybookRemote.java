package com.incidentconsole.playbook.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.PlaybooksApi;
import com.incidentconsole.playbook.library.sync.PlaybookRemote;
import com.incidentconsole.wire.Playbook;
import java.io.IOException;

/**
 * {@link PlaybookRemote} over the REST client. The client speaks typed {@link Playbook} records; the sync
 * works on trees, so this converts with the client's own mapper (same naming) and turns the client's
 * unchecked errors into the {@link IOException}s the sync contract promises.
 */
public final class ConnectionPlaybookRemote implements PlaybookRemote {

    private final PlaybooksApi playbooks;
    private final JsonMapper mapper;

    /** {@code mapper} must be the one the connection was opened with ({@code WireJson.newMapper()}). */
    public ConnectionPlaybookRemote(PlaybooksApi playbooks, JsonMapper mapper) {
        this.playbooks = playbooks;
        this.mapper = mapper;
    }

    @Override
    public ObjectNode get(String playbookId) throws IOException {
        return call(() -> mapper.valueToTree(playbooks.get(playbookId)));
    }

    @Override
    public String export(String playbookId) throws IOException {
        return call(() -> playbooks.export(playbookId));
    }

    @Override
    public void replace(String playbookId, ObjectNode fullPlaybook) throws IOException {
        Playbook playbook = mapper.treeToValue(fullPlaybook, Playbook.class);
        if (!playbookId.equals(playbook.id())) {
            throw new IOException("refusing to PUT playbook " + playbook.id() + " as " + playbookId);
        }
        call(() -> {
            playbooks.update(playbook);
            return null;
        });
    }

    @Override
    public String importPlaybook(String teamId, String exportText) throws IOException {
        return call(() -> playbooks.importPlaybook(teamId, exportText));
    }

    private interface Call<T> {
        T run() throws JsonProcessingException;
    }

    private static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (ClientException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

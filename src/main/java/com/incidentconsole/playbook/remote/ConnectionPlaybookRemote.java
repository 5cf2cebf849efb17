package com.incidentconsole.playbook.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.playbook.library.sync.PlaybookRemote;
import com.incidentconsole.playbook.library.sync.PlaybookRemoteException;
import com.incidentconsole.playbook.library.sync.PlaybookRemoteException.Reason;
import com.incidentconsole.playbook.library.sync.RemotePlaybook;
import com.incidentconsole.playbook.library.sync.RemoteTeam;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.Team;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link PlaybookRemote} over the REST client. Playbooks travel as whole JSON documents (never through the
 * {@link Playbook} record, which would drop fields it does not model on a full replace), and the client's
 * unchecked errors into {@link PlaybookRemoteException}s that say what happened in the user's terms.
 */
public final class ConnectionPlaybookRemote implements PlaybookRemote {

    private final MattermostConnection connection;
    public ConnectionPlaybookRemote(MattermostConnection connection) {
        this.connection = connection;
    }

    @Override
    public ObjectNode get(String playbookId) throws IOException {
        // The document, not the record: a full replace built from it must carry every field back.
        return call(() -> connection.playbooks().getDocument(playbookId));
    }

    @Override
    public String export(String playbookId) throws IOException {
        return call(() -> connection.playbooks().export(playbookId));
    }

    @Override
    public void replace(String playbookId, ObjectNode fullPlaybook) throws IOException {
        String id = fullPlaybook.path("id").asText("");
        if (!playbookId.equals(id)) {
            throw new IOException("refusing to PUT playbook " + id + " as " + playbookId);
        }
        call(() -> {
            connection.playbooks().replace(playbookId, fullPlaybook);
            return null;
        });
    }

    @Override
    public String importPlaybook(String teamId, String exportText) throws IOException {
        return call(() -> connection.playbooks().importPlaybook(teamId, exportText));
    }

    @Override
    public List<RemotePlaybook> list() throws IOException {
        Map<String, String> teamNames = teams().stream()
                .collect(Collectors.toMap(RemoteTeam::id, RemoteTeam::name, (a, b) -> a));
        return call(() -> connection.playbooks().listAll("").stream()
                .map(p -> new RemotePlaybook(p.id(), p.title(), p.teamId(),
                        teamNames.getOrDefault(p.teamId(), p.teamId()), p.updateAt()))
                .sorted(Comparator.comparing(RemotePlaybook::title, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    @Override
    public List<RemoteTeam> teams() throws IOException {
        return call(() -> connection.teams().mine().stream()
                .map(t -> new RemoteTeam(t.id(), name(t)))
                .sorted(Comparator.comparing(RemoteTeam::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    private static String name(Team team) {
        return team.displayName().isBlank() ? team.name() : team.displayName();
    }

    private interface Call<T> {
        T run() throws JsonProcessingException;
    }

    private static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (ServerError e) {
            throw new PlaybookRemoteException(reason(e), describe(e), e);
        } catch (TransportError e) {
            throw new PlaybookRemoteException(Reason.UNREACHABLE, "cannot reach the server: " + e.getMessage(), e);
        } catch (ClientException e) {
            throw new PlaybookRemoteException(Reason.REJECTED, e.getMessage(), e);
        }
    }

    private static Reason reason(ServerError e) {
        return switch (e.status()) {
            case 401 -> Reason.SIGNED_OUT;
            case 403 -> Reason.FORBIDDEN;
            case 404 -> Reason.NOT_FOUND;
            default -> e.status() == 400 && e.serverMessage().contains("cannot be modified") ? Reason.ARCHIVED
                    : Reason.REJECTED;
        };
    }

    private static String describe(ServerError e) {
        Function<String, String> with = what -> what + " (" + e.getMessage() + ")";
        return switch (reason(e)) {
            case SIGNED_OUT -> with.apply("the server no longer accepts this sign-in; sign in again");
            case FORBIDDEN -> with.apply("not allowed: you are not a member of this playbook, or it no longer "
                    + "exists on the server");
            case NOT_FOUND -> with.apply("not found: the playbook was deleted on the server");
            case ARCHIVED -> with.apply("the playbook is archived on the server: restore it there first");
            default -> "the server refused: " + e.getMessage();
        };
    }
}

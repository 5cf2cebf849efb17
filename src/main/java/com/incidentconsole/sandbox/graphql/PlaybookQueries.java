package com.incidentconsole.sandbox.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.playbooks.PlaybookService;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.SandboxState;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code playbook} and {@code playbooks} ({@code graphql_root_playbook.go}): PlaybookView for one;
 * for the list, PlaybookList on the team when one is given, then the team's playbooks the user may
 * view, optionally only those they are a member of, archived ones only on request. Callers hold the lock.
 */
final class PlaybookQueries {

    private final SandboxState state;
    private final Access access;
    private final PlaybookService playbooks;
    private final ObjectMapper mapper;

    PlaybookQueries(SandboxState state, Access access, PlaybookService playbooks, ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.playbooks = playbooks;
        this.mapper = mapper;
    }

    ObjectNode playbook(DataFetchingEnvironment env) {
        return view(playbooks.requireViewable(GraphQlEndpoint.userId(env), env.getArgument("id")));
    }

    List<ObjectNode> playbooks(DataFetchingEnvironment env) {
        String userId = GraphQlEndpoint.userId(env);
        String teamId = env.getArgumentOrDefault("teamID", "");
        if (!teamId.isEmpty() && !state.directory().isTeamMember(teamId, userId) && !access.isSystemAdmin(userId)) {
            throw Rejection.notAuthorized();
        }
        String term = env.<String>getArgumentOrDefault("searchTerm", "").toLowerCase(Locale.ROOT);
        boolean archived = Boolean.TRUE.equals(env.getArgument("withArchived"));
        boolean membersOnly = Boolean.TRUE.equals(env.getArgument("withMembershipOnly"));
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode pb : state.playbooks().values()) {
            String id = pb.path("id").asText();
            if (!teamId.isEmpty() && !pb.path("team_id").asText().equals(teamId)
                    || !archived && pb.path("delete_at").asLong() != 0
                    || membersOnly && !access.isPlaybookMember(userId, pb)
                    || !pb.path("title").asText().toLowerCase(Locale.ROOT).contains(term)
                    || !access.canViewPlaybook(userId, id)) {
                continue;
            }
            found.add(view(pb));
        }
        Comparator<ObjectNode> byTitle = Comparator.comparing(pb -> pb.path("title").asText());
        found.sort("DESC".equalsIgnoreCase(env.getArgumentOrDefault("direction", "ASC")) ? byTitle.reversed()
                : byTitle);
        return found;
    }

    private ObjectNode view(ObjectNode stored) {
        return mapper.valueToTree(playbooks.view(stored));
    }
}

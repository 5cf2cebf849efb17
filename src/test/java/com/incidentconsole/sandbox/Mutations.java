package com.incidentconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The mutations a console can make, each with the events the reference says it publishes
 * (playbooks-api.md §7.2) and to whom: run changes to the run channel only, playbook changes to
 * the whole team. Core events that ride along (a bot post, a member added) go to the channel too.
 */
final class Mutations {

    static final String RUN_UPDATED = "custom_playbooks_playbook_run_updated";
    static final String RUN_CREATED = "custom_playbooks_playbook_run_created";

    /** Who a mutation reaches: the run channel (core + plugin events) or the team (plugin event). */
    enum Reach { CHANNEL, TEAM }

    /** What a mutation needs: a fresh run owned by the signed-in member, a spare team member, the api. */
    record Scene(Api api, String runId, String teamId, String playbookId, String spareUserId) {

        String run(String rest) {
            return Api.PLUGIN + "/runs/" + runId + rest;
        }

        JsonNode json(String method, String path, String body) {
            return api.json(method, path, body);
        }

        void expect(int status, String method, String path, String body) {
            var r = api.send(method, path, body);
            if (r.statusCode() != status) {
                throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            }
        }

        String graphQl(String operation, String mutation, String variables) {
            JsonNode reply = api.json("POST", Api.PLUGIN + "/query", "{\"operationName\":\"" + operation
                    + "\",\"query\":\"mutation " + operation + mutation + "\",\"variables\":" + variables + "}");
            if (reply.has("errors")) {
                throw new AssertionError(operation + ": " + reply);
            }
            return "";
        }

        /** The id of the (only) playbook with this title in the run's team. */
        String playbookTitled(String title) {
            return json("GET", Api.PLUGIN + "/playbooks?with_archived=true&team_id=" + teamId + "&search_term="
                    + title.replace(" ", "+"), null).path("items").get(0).path("id").asText();
        }

        /** Creates a playbook in the run's team and returns its id. */
        String newPlaybook(String title) {
            return json("POST", Api.PLUGIN + "/playbooks", "{\"title\":\"" + title + "\",\"team_id\":\"" + teamId
                    + "\",\"reminder_timer_default_seconds\":3600,\"checklists\":[{\"title\":\"One\",\"items\":"
                    + "[{\"title\":\"Do it\"}]}]}").path("id").asText();
        }
    }

    @FunctionalInterface
    interface Step {
        void apply(Scene scene) throws Exception;
    }

    /**
     * @param setup     done before the sockets connect (e.g. skip an item before restoring it)
     * @param action    the mutation under test
     * @param reach     its audience
     * @param member    plugin and core event names the channel member receives, in order
     */
    record Mutation(String name, Step setup, Step action, Reach reach, List<String> member) {

        @Override
        public String toString() {
            return name;
        }
    }

    private Mutations() {
    }

    static Mutation run(String name, Step setup, Step action, String... memberEvents) {
        return new Mutation(name, setup, action, Reach.CHANNEL, List.of(memberEvents));
    }

    static Mutation run(String name, Step action, String... memberEvents) {
        return run(name, s -> { }, action, memberEvents);
    }
}

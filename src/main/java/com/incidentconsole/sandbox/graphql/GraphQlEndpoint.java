package com.incidentconsole.sandbox.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.playbooks.PlaybookService;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.GraphQlErrorable;
import com.incidentconsole.sandbox.runs.OwnerChange;
import com.incidentconsole.sandbox.runs.ParticipantService;
import com.incidentconsole.sandbox.runs.RunPublisher;
import com.incidentconsole.sandbox.state.SandboxState;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.introspection.Introspection;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.WiringFactory;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /query} as {@code graphql.go} serves it with graph-gophers/graphql-go: the document is
 * parsed, validated and executed against the plugin's schema (the sandbox's subset of it, in
 * {@code sandbox/playbooks-schema.graphqls}); depth is capped at 8 and introspection is off, as on a
 * production server. Only the first error is kept, with {@code locations} forced to line 0 column 0
 * and its message replaced by "Error while executing your request" unless the error is errorable.
 */
public final class GraphQlEndpoint {

    static final String GENERIC = "Error while executing your request";
    private static final String USER = "sandbox.userId";

    private final SandboxState state;
    private final GraphQL graphQl;
    private final ObjectMapper mapper;

    public GraphQlEndpoint(SandboxState state, Access access, ParticipantService participants, OwnerChange owners,
                           RunPublisher publisher, PlaybookService playbookService, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
        Favorites favorites = new Favorites();
        RunQueries runs = new RunQueries(state, access, favorites, mapper);
        RunMutations mutations = new RunMutations(state, access, participants, owners, publisher, favorites);
        PlaybookQueries playbooks = new PlaybookQueries(state, access, playbookService, mapper);
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .wiringFactory(new WiringFactory() {
                    @Override
                    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
                        return JsonFields.fetcher();
                    }
                })
                .type("Query", t -> t.dataFetcher("run", runs::run).dataFetcher("runs", runs::runs)
                        .dataFetcher("playbook", playbooks::playbook).dataFetcher("playbooks", playbooks::playbooks))
                .type("Mutation", t -> t.dataFetcher("setRunFavorite", mutations::setRunFavorite)
                        .dataFetcher("updateRun", mutations::updateRun)
                        .dataFetcher("addRunParticipants", mutations::addRunParticipants)
                        .dataFetcher("removeRunParticipants", mutations::removeRunParticipants)
                        .dataFetcher("changeRunOwner", mutations::changeRunOwner)
                        .dataFetcher("updateRunTaskActions", mutations::updateRunTaskActions))
                .type("Run", t -> t.dataFetcher("isFavorite", runs::isFavorite)
                        .dataFetcher("playbook", runs::playbook)
                        .dataFetcher("followers", env -> RunQueries.followers(env.getSource()))
                        .dataFetcher("numTasks", env -> RunQueries.numTasks(env.getSource()))
                        .dataFetcher("numTasksClosed", env -> RunQueries.numTasksClosed(env.getSource()))
                        .dataFetcher("lastUpdatedAt", env -> RunQueries.lastUpdatedAt(env.getSource()))
                        // The sandbox models no property fields.
                        .dataFetcher("propertyFields", env -> List.of()))
                .type("Playbook", t -> t.dataFetcher("isFavorite", env -> false)
                        .dataFetcher("propertyFields", env -> List.of()))
                .build();
        GraphQLSchema schema;
        try (InputStream in = GraphQlEndpoint.class.getResourceAsStream("/sandbox/playbooks-schema.graphqls")) {
            schema = new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8)), wiring);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("sandbox GraphQL schema missing", e);
        }
        graphQl = GraphQL.newGraphQL(schema).instrumentation(new MaxQueryDepthInstrumentation(8)).build();
    }

    static String userId(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(USER);
    }

    /** Executes one request under the state lock, so a query sees one consistent state. */
    public ObjectNode execute(String userId, String query, String operationName, Map<String, Object> variables) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(query == null ? "" : query)
                .operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(USER, userId, Introspection.INTROSPECTION_DISABLED, true))
                .build();
        ExecutionResult result = state.locked(() -> graphQl.execute(input));
        Map<String, Object> out = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            out.put("errors", List.of(firstError(result.getErrors().get(0))));
        }
        if (result.isDataPresent()) {
            out.put("data", plainNumbers(result.getData()));
        }
        return mapper.valueToTree(out);
    }

    private static Map<String, Object> firstError(GraphQLError error) {
        Map<String, Object> e = new LinkedHashMap<>();
        boolean errorable = error instanceof ExceptionWhileDataFetching fetching
                && fetching.getException() instanceof GraphQlErrorable;
        e.put("message", errorable ? ((ExceptionWhileDataFetching) error).getException().getMessage() : GENERIC);
        e.put("locations", List.of(Map.of("line", 0, "column", 0)));
        if (error instanceof ExceptionWhileDataFetching && error.getPath() != null && !error.getPath().isEmpty()) {
            e.put("path", error.getPath());
        }
        return e;
    }

    /** Go's encoding/json writes a whole float64 such as a millisecond time without exponent or fraction. */
    private static Object plainNumbers(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plainNumbers(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(plainNumbers(v)));
            return copy;
        }
        return value;
    }
}

package com.incidentconsole.sandbox.runs;

/**
 * An error the GraphQL endpoint returns with its own message ({@code graphql.go} {@code newGraphQLError}
 * / {@code graphQLErrorable}); every other failure is answered with the generic message.
 */
public final class GraphQlErrorable extends RuntimeException {

    public GraphQlErrorable(String message) {
        super(message, null, false, false);
    }
}

package com.incidentconsole.sandbox.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The runs each user marked as favourite: the real server keeps them as items of the user's
 * "Favorite" category ({@code category_service.go} {@code AddFavorite} / {@code DeleteFavorite}), which
 * {@code Run.isFavorite} and the "my runs" filter of {@code runs} read. Callers hold the state lock.
 */
final class Favorites {

    private final Map<String, Set<String>> runsByUser = new HashMap<>();

    void set(String userId, String runId, boolean favorite) {
        if (favorite) {
            runsByUser.computeIfAbsent(userId, u -> new HashSet<>()).add(runId);
        } else if (!runsByUser.getOrDefault(userId, new HashSet<>()).remove(runId)) {
            // DeleteFavorite: "Item is not favorited" (a plain error: the generic GraphQL message).
            throw new IllegalStateException("Item is not favorited");
        }
    }

    boolean isFavorite(String userId, String runId) {
        return runsByUser.getOrDefault(userId, Set.of()).contains(runId);
    }
}

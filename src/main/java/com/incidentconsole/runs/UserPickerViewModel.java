package com.incidentconsole.runs;

import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.wire.User;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The fuzzy user search behind the owner picker: the query in, the best 20 matches out. */
public final class UserPickerViewModel {

    static final int LIMIT = 20;

    private final UserDirectory users;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<User> matches = FXCollections.observableArrayList();
    private final ObservableList<User> matchesView = FXCollections.unmodifiableObservableList(matches);
    private List<String> preferred = List.of();

    public UserPickerViewModel(UserDirectory users) {
        this.users = users;
        query.addListener((obs, old, now) -> search());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<User> matches() {
        return matchesView;
    }

    /** Everyone who can be picked, by name: what the command palette offers for "Change owner…". */
    public List<User> everyone() {
        return users.all().stream().filter(u -> !u.isBot() && u.deleteAt() == 0)
                .sorted(java.util.Comparator.comparing(User::displayName)).toList();
    }

    /** These users (a run's participants) come first in every list, in their own order of match. */
    public void preferFirst(List<String> userIds) {
        preferred = List.copyOf(userIds);
    }

    public boolean isPreferred(String userId) {
        return preferred.contains(userId);
    }

    public void reset() {
        query.set("");
        search();
    }

    private void search() {
        String q = query.get().strip();
        // An empty query lists everyone (alphabetically) so the picker is useful before typing.
        List<User> found = q.isEmpty() ? users.all().stream().filter(u -> !u.isBot() && u.deleteAt() == 0).toList()
                : users.search(q, Integer.MAX_VALUE);
        // Stable: within each group the search's own order (best match first) stays.
        matches.setAll(found.stream().sorted(java.util.Comparator.comparing((User u) -> !isPreferred(u.id())))
                .limit(LIMIT).toList());
    }
}

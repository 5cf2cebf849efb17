package com.incidentconsole.runs;

import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.wire.User;
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

    public void reset() {
        query.set("");
        search();
    }

    private void search() {
        String q = query.get().strip();
        // An empty query lists everyone (alphabetically) so the picker is useful before typing.
        matches.setAll(q.isEmpty() ? users.all().stream().filter(u -> !u.isBot() && u.deleteAt() == 0).limit(LIMIT).toList()
                : users.search(q, LIMIT));
    }
}

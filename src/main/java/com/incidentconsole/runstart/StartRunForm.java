package com.incidentconsole.runstart;

import com.incidentconsole.channels.ChannelDirectory;
import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.StartRun;
import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.text.WordMatch;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "start a run" form without its controls: what the user typed for team, playbook, owner and channel,
 * each resolved live to the best fuzzy match (the owner picker's word scoring) and shown beside the field,
 * and the {@link StartRun} it makes — or, when it cannot, why, in words. Defaults as the server's: the only
 * or first team; no playbook is a channel checklist, which needs an existing channel; the owner is the
 * playbook's default owner when it has one enabled, otherwise me.
 */
public final class StartRunForm {

    private final Supplier<List<Team>> teams;
    private final PlaybookDirectory playbooks;
    private final UserDirectory users;
    private final ChannelDirectory channels;
    private final Supplier<User> me;
    private final ResourceBundle bundle;

    private final StringProperty teamQuery = new SimpleStringProperty("");
    private final StringProperty playbookQuery = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty ownerQuery = new SimpleStringProperty("");
    private final StringProperty channelQuery = new SimpleStringProperty("");
    private final BooleanProperty existingChannel = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper teamChoice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper playbookChoice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownerChoice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper channelChoice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** The summary template last filled in, so that choosing another playbook replaces only an untouched one. */
    private String filledTemplate = "";

    public StartRunForm(Supplier<List<Team>> teams, PlaybookDirectory playbooks, UserDirectory users,
            ChannelDirectory channels, Supplier<User> me, ResourceBundle bundle) {
        this.teams = teams;
        this.playbooks = playbooks;
        this.users = users;
        this.channels = channels;
        this.me = me;
        this.bundle = bundle;
        for (Observable input : List.of(teamQuery, playbookQuery, ownerQuery, channelQuery, existingChannel)) {
            input.addListener(o -> resolve());
        }
        name.addListener(o -> problem.set(""));
    }

    /** A fresh form; {@code teamId} (the open run's team, say) is preselected when given. */
    public void reset(Optional<String> teamId) {
        filledTemplate = "";
        teamQuery.set(teamId.flatMap(id -> teams.get().stream().filter(t -> t.id().equals(id)).findFirst())
                .map(Team::displayName).orElse(""));
        playbookQuery.set("");
        name.set("");
        summary.set("");
        ownerQuery.set("");
        channelQuery.set("");
        existingChannel.set(false);
        problem.set("");
        resolve();
    }

    public Optional<Team> team() {
        List<Team> all = teams.get();
        return teamQuery.get().isBlank() ? all.stream().findFirst() : best(all, Team::displayName, teamQuery.get());
    }

    /** Empty when none is typed: a channel checklist. */
    public Optional<Playbook> playbook() {
        if (playbookQuery.get().isBlank()) {
            return Optional.empty();
        }
        String teamId = team().map(Team::id).orElse("");
        List<Playbook> ofTeam = playbooks.all().stream()
                .filter(p -> !p.isArchived() && (teamId.isEmpty() || teamId.equals(p.teamId()))).toList();
        return best(ofTeam, Playbook::title, playbookQuery.get());
    }

    public Optional<User> owner() {
        if (!ownerQuery.get().isBlank()) {
            return best(users.all(), u -> u.displayName() + " " + u.username(), ownerQuery.get());
        }
        return playbook().filter(Playbook::defaultOwnerEnabled).map(Playbook::defaultOwnerId)
                .filter(id -> !id.isEmpty()).flatMap(users::get).or(() -> Optional.of(me.get()));
    }

    /** Empty when a new channel is to be made, or none matches. */
    public Optional<Channel> channel() {
        if (!existingChannel.get()) {
            return Optional.empty();
        }
        List<Channel> ofTeam = channels.of(team().map(Team::id).orElse(""));
        return channelQuery.get().isBlank() ? Optional.empty()
                : best(ofTeam, c -> c.name() + " " + c.displayName(), channelQuery.get());
    }

    private static <T> Optional<T> best(List<T> all, Function<T, String> label, String query) {
        T best = null;
        int bestScore = 0;
        for (T candidate : all) {
            int score = WordMatch.score(label.apply(candidate), query.strip());
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private void resolve() {
        problem.set("");
        teamChoice.set(team().map(t -> "→ " + t.displayName()).orElse(text("start.noTeam")));
        Optional<Playbook> playbook = playbook();
        playbookChoice.set(playbookQuery.get().isBlank() ? text("start.noPlaybook")
                : playbook.map(p -> "→ " + p.title()).orElse(text("start.noMatch")));
        ownerChoice.set(owner().map(u -> "→ " + u.displayName() + (u.id().equals(me.get().id()) ? " " + text("start.me") : ""))
                .orElse(text("start.noMatch")));
        channelChoice.set(!existingChannel.get() ? text("start.newChannel")
                : channel().map(c -> "→ " + ChannelDirectory.label(c))
                        .orElse(channels.of(team().map(Team::id).orElse("")).isEmpty() ? text("start.noChannels")
                                : text("start.noMatch")));
        String template = playbook.filter(Playbook::runSummaryTemplateEnabled).map(Playbook::runSummaryTemplate)
                .orElse("");
        if (summary.get().equals(filledTemplate) && !template.equals(filledTemplate)) {
            summary.set(template);
            filledTemplate = template;
        }
    }

    /** The action this form makes, or empty with {@link #problemProperty()} saying why. */
    public Optional<StartRun> toAction() {
        Optional<Team> team = team();
        Optional<Playbook> playbook = playbook();
        String why = team.isEmpty() ? text("start.problem.team")
                : !playbookQuery.get().isBlank() && playbook.isEmpty() ? text("start.problem.playbook")
                : name.get().isBlank() ? text("start.problem.name")
                : owner().isEmpty() ? text("start.problem.owner")
                : existingChannel.get() && channel().isEmpty() ? text("start.problem.channel")
                : playbook.isEmpty() && !existingChannel.get() ? text("start.problem.checklistChannel")
                : "";
        problem.set(why);
        if (!why.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StartRun.of(team.get().id(), playbook.map(Playbook::id).orElse(""), name.get(),
                summary.get(), owner().get().id(), channel().map(Channel::id).orElse(""), me.get().id()));
    }

    private String text(String key) {
        return bundle.getString(key);
    }

    public StringProperty teamQueryProperty() {
        return teamQuery;
    }

    public StringProperty playbookQueryProperty() {
        return playbookQuery;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty ownerQueryProperty() {
        return ownerQuery;
    }

    public StringProperty channelQueryProperty() {
        return channelQuery;
    }

    public BooleanProperty existingChannelProperty() {
        return existingChannel;
    }

    public ReadOnlyStringProperty teamChoiceProperty() {
        return teamChoice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playbookChoiceProperty() {
        return playbookChoice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerChoiceProperty() {
        return ownerChoice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty channelChoiceProperty() {
        return channelChoice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

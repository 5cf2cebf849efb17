package com.incidentconsole.runs;

import com.incidentconsole.arrivals.Arrival;
import com.incidentconsole.fx.Navigation;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;

/**
 * The list's "New run: …" over the run detail: a commander deep in one run still hears of the next
 * one, and {@code Ctrl+Shift+J} (the list's {@code runs.openArrival} command) opens it. Hidden on the
 * list (which has its own banner), on the new run itself, and once it was opened.
 */
public final class RunListArrivalController {

    private final RunListViewModel viewModel;
    private final Navigation navigation;
    private final ResourceBundle bundle;
    private final BooleanProperty opened = new SimpleBooleanProperty();

    @FXML private Label arrivalBar;

    public RunListArrivalController(RunListViewModel viewModel, Navigation navigation, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.navigation = navigation;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        viewModel.latestArrivalProperty().addListener((obs, old, now) -> opened.set(false));
        navigation.openRunIdProperty().addListener((obs, old, now) -> {
            Arrival news = viewModel.latestArrivalProperty().get();
            if (news != null && news.runId().equals(now)) {
                opened.set(true);
            }
        });
        arrivalBar.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(bundle.getString("runs.arrival.detail"), viewModel.arrivalProperty().get()),
                viewModel.arrivalProperty()));
        arrivalBar.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Arrival news = viewModel.latestArrivalProperty().get();
            String open = navigation.openRunIdProperty().get();
            return news != null && open != null && !Objects.equals(open, news.runId()) && !opened.get();
        }, viewModel.latestArrivalProperty(), navigation.openRunIdProperty(), opened));
        arrivalBar.managedProperty().bind(arrivalBar.visibleProperty());
        arrivalBar.setOnMouseClicked(e -> {
            Arrival news = viewModel.latestArrivalProperty().get();
            if (e.getButton() == MouseButton.PRIMARY && news != null) {
                navigation.openRun(news.runId());
            }
        });
    }
}

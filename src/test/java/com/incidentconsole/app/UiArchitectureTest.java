package com.incidentconsole.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The UI's code-style rules, held by tests rather than by review. */
class UiArchitectureTest {

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.incidentconsole.app", "com.incidentconsole.fx", "com.incidentconsole.shell", "com.incidentconsole.runs",
                    "com.incidentconsole.checklist", "com.incidentconsole.timeline", "com.incidentconsole.signin",
                    "com.incidentconsole.statsview", "com.incidentconsole.reportexport");

    @Test
    void viewModelsNeverTouchControlsOrTheSceneGraph() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.fxml..", "javafx.stage..")
                .because("view-models hold state and actions; views bind to them (code-style practice 4)")
                .check(UI);
    }

    @Test
    void onlyTheBatcherHopsOntoTheFxThread() {
        noClasses().that().doNotHaveSimpleName("FxBatcher").and().doNotHaveSimpleName("IncidentConsoleApp")
                .and().doNotHaveSimpleName("StartupController").and().doNotHaveSimpleName("MainController")
                // Already on the FX thread: they only defer leaving a pulse listener until the pulse has ended.
                .and().doNotHaveSimpleName("StartupMark").and().doNotHaveSimpleName("DeferredLayers")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("background state crosses to the FX thread at one coalescing boundary")
                .check(UI);
    }

    @Test
    void featuresDoNotReachUpIntoTheCompositionRoot() {
        noClasses().that().resideInAnyPackage("..shell..", "..runs..", "..checklist..", "..timeline..", "..signin..",
                        "..statsview..", "..reportexport..")
                .should().dependOnClassesThat().resideInAPackage("com.incidentconsole.app..")
                .because("the composition root wires features, not the other way round")
                .check(UI);
    }

    @Test
    void noUtilGrabBags() {
        noClasses().should().haveSimpleNameContaining("Util")
                .because("a helper lives next to its caller or is named after its concept")
                .check(UI);
    }
}

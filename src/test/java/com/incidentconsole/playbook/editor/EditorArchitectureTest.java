package com.incidentconsole.playbook.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The editor holds to the UI rules of app/UiArchitectureTest, which does not scan the playbook packages. */
@AnalyzeClasses(packages = "com.incidentconsole.playbook", importOptions = ImportOption.DoNotIncludeTests.class)
class EditorArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsNeverTouchControls = classes().that().haveSimpleNameEndingWith("ViewModel")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.fxml..",
                    "javafx.stage..")
            .because("view-models hold state and actions; views bind to them (code-style practice 4)");

    @ArchTest
    static final ArchRule remoteAdapterIsHeadless = noClasses().that().resideInAPackage("..playbook.remote..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the CLI uses it without a display");

    @ArchTest
    static final ArchRule onlyTheWindowHopsOntoTheFxThread = noClasses().that()
            .doNotHaveSimpleName("PlaybookEditorWindow")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("everything else gets the FX thread as an injected executor, so tests can pass a direct one");
}

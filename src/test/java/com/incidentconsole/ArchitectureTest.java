package com.incidentconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The doors between rooms open one way (docs/adr/0001). */
@AnalyzeClasses(packages = "com.incidentconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFxBelowTheUi = noClasses()
            .that().resideInAnyPackage("..wire..", "..client..", "..sync..", "..credentials..", "..sandbox..", "..cli..",
                    "..report..", "..stats..", "..datafolder..", "..incidentconsole.text..", "..incidentconsole.paths..",
                    "..incidentconsole.entry..", "..incidentconsole.timeline.events..", // timeline (issue 16)
                    "..incidentconsole.triage..", "..incidentconsole.arrivals..", "..incidentconsole.placement..") // runlist
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only UI feature packages may use JavaFX; everything below must run headless");

    @ArchTest
    static final ArchRule transportStaysInTheClient = noClasses()
            .that().resideOutsideOfPackage("..client..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "org.java_websocket..")
            .because("OkHttp and Java-WebSocket are wrapped once, in the client room");

    @ArchTest
    static final ArchRule sandboxMirrorsTheServerNotTheClient = noClasses()
            .that().resideInAPackage("..sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("..incidentconsole.client..", "..incidentconsole.sync..",
                    "..incidentconsole.app..")
            .because("the sandbox must not share the client's assumptions")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule wireHasNoOutwardDoors = classes()
            .that().resideInAPackage("..incidentconsole.wire..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..incidentconsole.wire..", "java..",
                    "com.fasterxml.jackson..")
            .because("wire values are plain records: no I/O, no knowledge of who uses them");

    @ArchTest
    static final ArchRule clientKnowsNothingAboveIt = noClasses()
            .that().resideInAPackage("..incidentconsole.client..")
            .should().dependOnClassesThat().resideInAnyPackage("..incidentconsole.sync..", "..incidentconsole.app..",
                    "..incidentconsole.sandbox..")
            .because("doors open downwards only")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noUtilGrabBags = noClasses()
            .should().haveSimpleNameContaining("Util")
            .because("a helper lives next to its only caller, or is named after its concept");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.incidentconsole.(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two rooms one; every door opens one way (docs/adr/0001)");

    @ArchTest
    static final ArchRule nothingButTheCompositionRootUsesIt = noClasses()
            .that().resideOutsideOfPackage("com.incidentconsole.app..")
            .and().doNotHaveFullyQualifiedName("com.incidentconsole.Main")
            .should().dependOnClassesThat().resideInAPackage("com.incidentconsole.app..")
            .because("the composition root wires features, playbook and cli, never the other way round");

    // session (issue 13 §3-§5): keys only through the registry, the composition root named for cli and
    // playbook, one way to log.
    @ArchTest
    static final ArchRule onlyTheCommandModelHandlesKeys = noClasses()
            .that().resideOutsideOfPackage("com.incidentconsole.fx.command..")
            .should().dependOnClassesThat().haveNameMatching("javafx\\.scene\\.input\\.Key.*")
            .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching("setOnKey.*")))
            .because("every key is a command of the registry (ADR 0019): a key handled elsewhere is neither listed "
                    + "in the keys overlay and the palette nor checked against the other keys of its scope");

    @ArchTest
    static final ArchRule cliAndPlaybookAreWiredNotWiring = noClasses()
            .that().resideInAnyPackage("com.incidentconsole.cli..", "com.incidentconsole.playbook..")
            .should().dependOnClassesThat().resideInAPackage("com.incidentconsole.app..")
            .because("the headless commands and the playbook window are given what they need by the composition "
                    + "root (AppOptions, sessions); they never reach into it");

    @ArchTest
    static final ArchRule oneWayToSpeak = noClasses()
            .that().resideOutsideOfPackage("com.incidentconsole.cli..")
            .and().doNotHaveFullyQualifiedName("com.incidentconsole.Main")
            // The JavaFX entry point tells a second start's terminal why it ends (the launcher's own words).
            .and().doNotHaveFullyQualifiedName("com.incidentconsole.app.IncidentConsoleApp")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("diagnostics go through java.util.logging; only the command line and the launcher talk to "
                    + "the terminal");

    @ArchTest
    static final ArchRule noOtherLoggingFacade = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.logging..", "org.apache.commons.logging..",
                    "org.apache.log4j..")
            .orShould().dependOnClassesThat().areAssignableTo(System.Logger.class)
            .because("one logging API: java.util.logging");

    @ArchTest
    static final ArchRule oneLoggingApi = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.slf4j..")
            .because("the project logs through java.util.logging (its majority); libraries' slf4j is bound to it");
}

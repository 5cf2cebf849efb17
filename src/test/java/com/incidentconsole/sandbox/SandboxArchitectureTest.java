package com.incidentconsole.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.incidentconsole.testrun.BesideOtherTests;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sandbox mirrors the real server, so it must not lean on the client's or the UI's code. */
@BesideOtherTests
class SandboxArchitectureTest {

    private final JavaClasses sandbox = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.incidentconsole.sandbox");

    @Test
    void sandboxIsIndependentOfClientSyncAndUi() {
        noClasses().that().resideInAPackage("com.incidentconsole.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.incidentconsole.client..",
                        "com.incidentconsole.sync..", "okhttp3..", "org.java_websocket..")
                .because("the sandbox imitates the server, not the client's assumptions")
                .check(sandbox);
    }

    @Test
    void noUtilClasses() {
        noClasses().that().resideInAPackage("com.incidentconsole.sandbox..")
                .should().haveSimpleNameContaining("Util")
                .because("helpers live next to their caller or name their concept")
                .check(sandbox);
    }
}

package com.incidentconsole.playbook.library;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The playbook library is shared by the CLI and the editor, so it must run headless and know no UI or client. */
@AnalyzeClasses(packages = "com.incidentconsole.playbook.library", importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryArchitectureTest {

    @ArchTest
    static final ArchRule headless = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "okhttp3..")
            .because("the CLI runs without a display and the editor brings its own UI; I/O to servers is the client's");
}

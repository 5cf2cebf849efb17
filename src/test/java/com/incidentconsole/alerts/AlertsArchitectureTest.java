package com.incidentconsole.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The notification rules and the D-Bus notifier run headless (docs/adr/0028). */
@AnalyzeClasses(packages = "com.incidentconsole.alerts", importOptions = ImportOption.DoNotIncludeTests.class)
class AlertsArchitectureTest {

    @ArchTest
    static final ArchRule headless = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..",
            "org.controlsfx..", "com.incidentconsole.alertsview..")
            .because("decisions are made without a UI; only alertsview draws them");
}

package be.leerid.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LeerID's code as its compiled classes: how the provider jars and the tools stand on each other. */
class ArchitectureTest {

    private static final String[] PROVIDER_PACKAGES = {"be.leerid.identifiers..", "be.leerid.register..", "be.leerid.eid..",
        "be.leerid.registration..", "be.leerid.school..", "be.leerid.transparency.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Nimbus, bundled relocated inside leerid-registration, is not LeerID's code.
                .withImportOption(location -> !location.contains("/shaded/"))
                .importPackages("be.leerid");
    }

    /**
     * No package depends, through any chain, on a package that depends on it: every module's Keycloak
     * adapters stand on pure code, and every module on the identifiers module's LeerID provider.
     */
    @Test
    void leeridHasNoPackageCycles() {
        slices().matching("be.leerid.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Provider jars hold only what runs in the server: no command-line tool, no generator, nothing of tools/. */
    @Test
    void providerJarsHoldNoToolsAndNoMainMethods() {
        noClasses().that().resideInAnyPackage(PROVIDER_PACKAGES).should().dependOnClassesThat().resideInAPackage("be.leerid.tools..")
                .check(classes);
        methods().that().areDeclaredInClassesThat().resideInAnyPackage(PROVIDER_PACKAGES).and().haveName("main")
                .should().notBeStatic().allowEmptyShould(true).check(classes);
    }
}

package be.leerid.tools;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of LeerID's code depends, through any chain, on a package that depends on it: every
 * module's Keycloak adapters stand on pure code, and every module on the identifiers module's LeerID
 * provider, never the other way round. Checked on the compiled classes of all provider jars and tools.
 */
class PackageCyclesTest {

    @Test
    void leeridHasNoPackageCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Nimbus, bundled relocated inside leerid-registration, is not LeerID's code.
                .withImportOption(location -> !location.contains("/shaded/"))
                .importPackages("be.leerid");
        slices().matching("be.leerid.(**)").should().beFreeOfCycles().check(classes);
    }
}

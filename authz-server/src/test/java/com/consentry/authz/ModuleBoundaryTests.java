package com.consentry.authz;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of {@code docs/architecture.md} (modules talk through their API
 * packages, feature packages form no cycle, no grab-bag classes), checked on the
 * production classes of every Consentry module on the authorization server's class path
 * (consent-service, partner-registry, authz-server).
 */
class ModuleBoundaryTests {

	private static final String CONSENT = "com.consentry.consent..";

	private static final String CONSENT_INTERNAL = "com.consentry.consent.internal..";

	private static final String REGISTRY = "com.consentry.registry..";

	private static final String REGISTRY_INTERNAL = "com.consentry.registry.internal..";

	private static final String AUTHZ = "com.consentry.authz..";

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("com.consentry");
	}

	@Test
	@DisplayName("DESIGN: the rules below see the production classes of all three modules, and no tests")
	void importWhenClassPathScannedThenEveryModulePresentWithoutTests() {
		assertThat(classes.containPackage("com.consentry.consent.internal")).isTrue();
		assertThat(classes.containPackage("com.consentry.registry.internal")).isTrue();
		assertThat(classes.containPackage("com.consentry.authz")).isTrue();
		assertThat(classes.contain(ModuleBoundaryTests.class)).isFalse();
	}

	@Test
	@DisplayName("DESIGN: modules expose a small API; no module reaches into the consent module's internals")
	void consentInternalsWhenUsedFromOutsideTheConsentModuleThenViolation() {
		noClasses().that()
			.resideOutsideOfPackage(CONSENT)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(CONSENT_INTERNAL)
			.because("authz-server and the registry use only the consent API package com.consentry.consent; "
					+ "Spring wiring is no excuse")
			.check(classes);
	}

	@Test
	@DisplayName("DESIGN: modules expose a small API; no module reaches into the registry module's internals")
	void registryInternalsWhenUsedFromOutsideTheRegistryModuleThenViolation() {
		noClasses().that()
			.resideOutsideOfPackage(REGISTRY)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(REGISTRY_INTERNAL)
			.because("authz-server and the consent module use only the registry API package "
					+ "com.consentry.registry; Spring wiring is no excuse")
			.check(classes);
	}

	@Test
	@DisplayName("DESIGN: the consent module depends on neither the partner registry nor the authorization server")
	void consentModuleWhenDependingOnOtherModulesThenViolation() {
		noClasses().that()
			.resideInAPackage(CONSENT)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(REGISTRY, AUTHZ)
			.because("consent-service is a leaf module that the authorization server drives")
			.check(classes);
	}

	@Test
	@DisplayName("DESIGN: the registry module depends on neither the consent module nor the authorization server")
	void registryModuleWhenDependingOnOtherModulesThenViolation() {
		noClasses().that()
			.resideInAPackage(REGISTRY)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(CONSENT, AUTHZ)
			.because("partner-registry is a leaf module that the authorization server drives")
			.check(classes);
	}

	@Test
	@DisplayName("STYLE 9: the feature packages of the authorization server form no dependency cycle")
	void authzFeaturePackagesWhenDependingOnEachOtherThenNoCycles() {
		slices().matching("com.consentry.authz.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	@DisplayName("STYLE 9: no grab-bag classes (*Helper, *Util, *Utils, *Manager); name classes for their one job")
	void classNamesWhenGrabBagSuffixThenViolation() {
		noClasses().that()
			.resideInAPackage("com.consentry..")
			.should()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Utils")
			.orShould()
			.haveSimpleNameEndingWith("Manager")
			.check(classes);
	}

}

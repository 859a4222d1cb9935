package cn.referral.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture rules every service keeps (STYLE.md, DESIGN §2): the domain is plain Java;
 * inbound adapters do not reach outbound ones and vice versa; the domain is not empty.
 */
public final class HexagonalArchitecture {

    /** Platform's domain kernel (e.g. {@code RuleViolation}): plain Java, the one platform package a domain may use. */
    static final String PLATFORM_DOMAIN = "cn.referral.platform.domain..";

    private HexagonalArchitecture() {
    }

    public static void check(String servicePackage) {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        String domain = servicePackage + ".domain..";

        classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage(domain, "java..", PLATFORM_DOMAIN)
                .because("the domain is plain Java: no Spring, Kafka, Mongo, Jackson or Reactor (platform's "
                        + "domain kernel is plain Java too, checked below)")
                .allowEmptyShould(false)
                .check(service);

        classes().that().resideInAPackage(PLATFORM_DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(PLATFORM_DOMAIN, "java..")
                .because("a service's domain may use platform's domain kernel only because it is plain Java")
                .allowEmptyShould(false)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.referral.platform.domain"));

        noClasses().that().resideInAPackage(servicePackage + ".adapter.in..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".adapter.out..")
                .because("inbound adapters go through the application's ports")
                .allowEmptyShould(true)
                .check(service);

        noClasses().that().resideInAPackage(servicePackage + ".adapter.out..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".adapter.in..")
                .because("outbound adapters know nothing of inbound ones")
                .allowEmptyShould(true)
                .check(service);

        noClasses().that().resideInAPackage(servicePackage + ".application..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".adapter..")
                .because("the application core depends on ports, not adapters")
                .allowEmptyShould(true)
                .check(service);
    }
}

package com.blingauto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * House rules the compiler cannot check (CONVENTIONS.md), over the main code of every module, present and
 * future (the rules name no module): a module's entities, repositories and controllers are package-private,
 * transactions belong to services, injection goes through constructors, and business modules never reach
 * into the platform. Each rule is also run on {@code archfixture}, a module that breaks them all.
 */
class ArchitectureTests {

    static final String ROOT = "com.blingauto";
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    static ArchRule entitiesAreNotPublic(String root) {
        return classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .or().areAnnotatedWith(jakarta.persistence.Embeddable.class)
                .or().areAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
                .and().resideInAPackage(root + "..")
                .should().notBePublic()
                .because("entities are a module's internals (CONVENTIONS.md, Layout)");
    }

    static ArchRule repositoriesAreNotPublic(String root) {
        return classes().that().areAssignableTo(Repository.class).and().resideInAPackage(root + "..")
                .should().notBePublic()
                .because("a module's repositories are its internals; other modules call its service");
    }

    static ArchRule controllersAreNotPublic(String root) {
        return classes().that().areMetaAnnotatedWith(Controller.class).and().resideInAPackage(root + "..")
                .should().notBePublic()
                .because("controllers are package-private (CONVENTIONS.md, Layout)");
    }

    static ArchRule controllerClassesAreNotTransactional(String root) {
        return noClasses().that().areMetaAnnotatedWith(Controller.class).and().resideInAPackage(root + "..")
                .should().beMetaAnnotatedWith(Transactional.class)
                .orShould().beMetaAnnotatedWith("jakarta.transaction.Transactional")
                .because("transactions belong to the services (CONVENTIONS.md, Code)");
    }

    static ArchRule controllerMethodsAreNotTransactional(String root) {
        return noMethods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beMetaAnnotatedWith(Transactional.class)
                .orShould().beMetaAnnotatedWith("jakarta.transaction.Transactional")
                .because("transactions belong to the services (CONVENTIONS.md, Code)");
    }

    static ArchRule noFieldInjection(String root) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beAnnotatedWith(Autowired.class)
                .orShould().beAnnotatedWith("jakarta.inject.Inject")
                .orShould().beAnnotatedWith(Value.class)
                .because("constructor injection only (CONVENTIONS.md, Code)");
    }

    static ArchRule businessModulesNeverUseThePlatform(String root) {
        return noClasses().that().resideInAPackage(root + ".*..")
                .and().resideOutsideOfPackage(root + ".platform..")
                .should().dependOnClassesThat().resideInAPackage(root + ".platform..")
                .because("the platform is technical wiring; no business module (nor shared) imports it");
    }

    static final List<Function<String, ArchRule>> RULES = List.of(
            ArchitectureTests::entitiesAreNotPublic,
            ArchitectureTests::repositoriesAreNotPublic,
            ArchitectureTests::controllersAreNotPublic,
            ArchitectureTests::controllerClassesAreNotTransactional,
            ArchitectureTests::controllerMethodsAreNotTransactional,
            ArchitectureTests::noFieldInjection,
            ArchitectureTests::businessModulesNeverUseThePlatform);

    @Test
    void mainCodeIsImported() {
        assertThat(MAIN.contain("com.blingauto.auth.User")).isTrue();
        assertThat(MAIN.contain("com.blingauto.auth.AuthController")).isTrue();
        assertThat(MAIN.contain("com.blingauto.auth.UserRepository")).isTrue();
        assertThat(MAIN.contain("com.blingauto.support.ProbeController")).as("test code is not main code").isFalse();
    }

    @Test
    void entitiesAreNotPublic() {
        entitiesAreNotPublic(ROOT).check(MAIN);
    }

    @Test
    void repositoriesAreNotPublic() {
        repositoriesAreNotPublic(ROOT).check(MAIN);
    }

    @Test
    void controllersAreNotPublic() {
        controllersAreNotPublic(ROOT).check(MAIN);
    }

    @Test
    void controllersAreNotTransactional() {
        controllerClassesAreNotTransactional(ROOT).check(MAIN);
        controllerMethodsAreNotTransactional(ROOT).check(MAIN);
    }

    @Test
    void noFieldInjection() {
        noFieldInjection(ROOT).check(MAIN);
    }

    @Test
    void businessModulesNeverUseThePlatform() {
        businessModulesNeverUseThePlatform(ROOT).check(MAIN);
    }

    @Test
    void everyRuleCatchesAModuleThatBreaksIt() {
        JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");
        assertThat(fixture.contain("archfixture.vehicles.Violations$VehicleController")).isTrue();
        for (Function<String, ArchRule> rule : RULES) {
            EvaluationResult result = rule.apply("archfixture").evaluate(fixture);
            assertThat(result.hasViolation()).as(rule.apply("archfixture").getDescription()).isTrue();
        }
    }
}

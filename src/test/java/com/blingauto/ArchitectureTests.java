package com.blingauto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * House rules the compiler cannot check (CONVENTIONS.md), over the main code of every module, present and
 * future: a module's entities, repositories and controllers are package-private, transactions belong to
 * services, injection goes through constructors, and business modules never reach into the platform.
 */
class ArchitectureTests {

    static final String ROOT = "com.blingauto";
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void mainCodeIsImported() {
        // guards the rules below against passing on an empty import
        org.assertj.core.api.Assertions.assertThat(MAIN.contain("com.blingauto.auth.User")).isTrue();
        org.assertj.core.api.Assertions.assertThat(MAIN.contain("com.blingauto.auth.AuthController")).isTrue();
        org.assertj.core.api.Assertions.assertThat(MAIN.contain("com.blingauto.auth.UserRepository")).isTrue();
    }

    @Test
    void entitiesAreNotPublic() {
        ArchRule rule = classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .or().areAnnotatedWith(jakarta.persistence.Embeddable.class)
                .or().areAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
                .should().notBePublic()
                .because("entities are a module's internals (CONVENTIONS.md, Layout)");
        rule.check(MAIN);
    }

    @Test
    void repositoriesAreNotPublic() {
        ArchRule rule = classes().that().areAssignableTo(Repository.class).and().resideInAPackage(ROOT + "..")
                .should().notBePublic()
                .because("a module's repositories are its internals; other modules call its service");
        rule.check(MAIN);
    }

    @Test
    void controllersAreNotPublic() {
        ArchRule rule = classes().that().areMetaAnnotatedWith(Controller.class)
                .should().notBePublic()
                .because("controllers are package-private (CONVENTIONS.md, Layout)");
        rule.check(MAIN);
    }

    @Test
    void controllersAreNotTransactional() {
        ArchRule onClasses = noClasses().that().areMetaAnnotatedWith(Controller.class)
                .should().beMetaAnnotatedWith(Transactional.class)
                .orShould().beMetaAnnotatedWith("jakarta.transaction.Transactional")
                .because("transactions belong to the services (CONVENTIONS.md, Code)");
        ArchRule onMethods = noMethods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
                .should().beMetaAnnotatedWith(Transactional.class)
                .orShould().beMetaAnnotatedWith("jakarta.transaction.Transactional")
                .because("transactions belong to the services (CONVENTIONS.md, Code)");
        onClasses.check(MAIN);
        onMethods.check(MAIN);
    }

    @Test
    void noFieldInjection() {
        ArchRule rule = noFields().should().beAnnotatedWith(Autowired.class)
                .orShould().beAnnotatedWith("jakarta.inject.Inject")
                .orShould().beAnnotatedWith(org.springframework.beans.factory.annotation.Value.class)
                .because("constructor injection only (CONVENTIONS.md, Code)");
        rule.check(MAIN);
    }

    @Test
    void businessModulesNeverUseThePlatform() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".*..")
                .and().resideOutsideOfPackage(ROOT + ".platform..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".platform..")
                .because("the platform is technical wiring; no business module (nor shared) imports it");
        rule.check(MAIN);
    }

    @Test
    void publicServiceMethodsOnlyAreTransactional() {
        // @Transactional on a private method is silently ignored by Spring's proxies
        ArchRule rule = methods().that().areAnnotatedWith(Transactional.class)
                .should().notHaveModifier(JavaModifier.PRIVATE)
                .allowEmptyShould(true);
        rule.check(MAIN);
    }
}

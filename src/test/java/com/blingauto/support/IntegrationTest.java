package com.blingauto.support;

import com.blingauto.BlingAutoApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one way tests start the application: the whole context, on a random port, against the suite's one
 * embedded PostgreSQL and Redis. Every class carrying it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BlingAutoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "blingauto.rate-limit.requests-per-minute=1000000",
                "blingauto.rate-limit.requests-per-hour=1000000",
                "SECRET_KEY=test-secret-key-for-the-suite-only-0123456789abcdef0123456789abcdef0123456789",
                "LOG_LEVEL=WARN",
                "blingauto.test.probes=true",
                "blingauto.auth.bcrypt-rounds=4",
                "blingauto.auth.login-attempts-per-minute=100",
                "INITIAL_ADMIN_EMAIL=" + IntegrationTest.ADMIN_EMAIL,
                "INITIAL_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD
        })
@ContextConfiguration(initializers = TestInfrastructure.class)
@Import(TestClock.Config.class)
public @interface IntegrationTest {

    String ADMIN_EMAIL = "admin@suite.test";
    String ADMIN_PASSWORD = "Suite-admin-pass-1";
}

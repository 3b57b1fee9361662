package com.blingauto.auth;

import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AUTH-14: creates the admin named by {@code INITIAL_ADMIN_EMAIL}/{@code INITIAL_ADMIN_PASSWORD} at start-up,
 * once. On the embedded default with none configured and no admin yet, it creates {@code admin@blingauto.local}
 * with a generated password and prints it once.
 */
@Component
class InitialAdmin implements ApplicationRunner {

    static final String GENERATED_EMAIL = "admin@blingauto.local";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserRepository users;
    private final Passwords passwords;
    private final AuthSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InitialAdmin(UserRepository users, Passwords passwords, AuthSettings settings, TransactionTemplate transaction, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = blankToNull(settings.initialAdminEmail());
        String password = blankToNull(settings.initialAdminPassword());
        if (email != null && password != null) {
            create(email.strip().toLowerCase(Locale.ROOT), password, false);
        } else if (email != null || password != null) {
            log.warn("Only one of INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD is set: no initial admin created");
        } else if (settings.generateInitialAdmin() && !users.existsByRole(Role.ADMIN.wire())) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-1";
            create(GENERATED_EMAIL, generated, true);
        }
    }

    private void create(String email, String password, boolean print) {
        if (UserInput.length(password) < 8 || UserInput.length(password) > 128) {
            throw new IllegalStateException("INITIAL_ADMIN_PASSWORD must be 8 to 128 characters");
        }
        try {
            PasswordPolicy.check(password, "password");
        } catch (DomainValidationException e) {
            throw new IllegalStateException("INITIAL_ADMIN_PASSWORD is refused: " + e.getMessage());
        }
        if (users.findByEmail(email).isPresent()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> users.saveAndFlush(User.activeVerified(email,
                    orDefault(settings.initialAdminFirstName(), "System"), orDefault(settings.initialAdminLastName(), "Administrator"),
                    passwords.hash(password), Role.ADMIN, clock.instant().truncatedTo(ChronoUnit.MICROS))));
        } catch (DataIntegrityViolationException concurrentStart) {
            return; // another instance created it first (unique index on lower(email))
        }
        if (print) {
            System.out.printf("%n  Initial admin created — e-mail: %s  password: %s%n  (shown once; set INITIAL_ADMIN_EMAIL/INITIAL_ADMIN_PASSWORD to choose them)%n%n",
                    email, password);
        } else {
            log.info("Initial admin {} created", email);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}

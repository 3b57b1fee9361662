package com.blingauto.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** bcrypt hashing at {@code BCRYPT_ROUNDS}, with a dummy hash so unknown e-mails cost as much as known ones. */
@Component
class Passwords {

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    Passwords(AuthSettings settings) {
        this.encoder = new BCryptPasswordEncoder(settings.bcryptRounds());
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    String hash(String raw) {
        return encoder.encode(raw);
    }

    boolean matches(String raw, String hash) {
        return encoder.matches(raw, hash);
    }

    /** Spends the time of one comparison, for a login whose e-mail matches no user. */
    void compareWithDummy(String raw) {
        encoder.matches(raw, dummyHash);
    }
}

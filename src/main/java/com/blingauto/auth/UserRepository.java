package com.blingauto.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, UUID>, JpaSpecificationExecutor<User> {

    @Query(value = "SELECT * FROM users WHERE lower(email) = lower(:email)", nativeQuery = true)
    Optional<User> findByEmail(@Param("email") String email);

    /**
     * AUTH-4 step 3 in one statement, so that concurrent failures are all counted: the counter goes up and
     * the lock of the new count is set.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            UPDATE users
               SET failed_login_attempts = failed_login_attempts + 1,
                   locked_until = CASE WHEN failed_login_attempts + 1 >= :max
                                       THEN CAST(:now AS timestamptz) + make_interval(mins => :lockoutMinutes * LEAST((failed_login_attempts + 1) / :max, 4))
                                       ELSE locked_until END,
                   updated_at = :now,
                   version = version + 1
             WHERE id = :id""", nativeQuery = true)
    int recordFailedLogin(@Param("id") UUID id, @Param("now") Instant now, @Param("max") int maxAttempts,
                          @Param("lockoutMinutes") int lockoutMinutes);

    /**
     * AUTH-4 success in one statement that leaves the version alone: two devices logging in at once (or a login
     * beside a profile update) must not make one of them fail as a concurrent modification.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            UPDATE users
               SET failed_login_attempts = 0, locked_until = NULL, last_login_at = :now, updated_at = :now
             WHERE id = :id""", nativeQuery = true)
    int recordSuccessfulLogin(@Param("id") UUID id, @Param("now") Instant now);

    boolean existsByRole(String role);

    /** Locks every admin row, so that two demotions cannot both see "another admin remains". */
    @Query(value = "SELECT id FROM users WHERE role = 'admin' FOR UPDATE", nativeQuery = true)
    java.util.List<UUID> lockAdmins();
}

package com.blingauto.auth;

import com.blingauto.shared.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A user account; it owns the login rules of AUTH-4. */
@Entity
@Table(name = "users")
class User {

    @Id
    private UUID id;
    private String email;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "password_hash")
    private String passwordHash;
    private String role;
    private String status;
    @Column(name = "phone_number")
    private String phoneNumber;
    @Column(name = "email_verified")
    private boolean emailVerified;
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;
    @Column(name = "failed_login_attempts")
    private int failedLoginAttempts;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected User() {
    }

    /** An active, verified account, as the initial admin and admin-created users are (AUTH-14, AUTH-16). */
    static User activeVerified(String email, String firstName, String lastName, String passwordHash, Role role, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email;
        user.firstName = firstName;
        user.lastName = lastName;
        user.passwordHash = passwordHash;
        user.role = role.wire();
        user.status = UserStatus.ACTIVE.wire();
        user.emailVerified = true;
        user.emailVerifiedAt = now;
        user.passwordChangedAt = now;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** AUTH-1: a registered user is an inactive, unverified client until the e-mail is verified. */
    static User registered(String email, String firstName, String lastName, String phoneNumber, String passwordHash, Instant now) {
        User user = activeVerified(email, firstName, lastName, passwordHash, Role.CLIENT, now);
        user.status = UserStatus.INACTIVE.wire();
        user.emailVerified = false;
        user.emailVerifiedAt = null;
        user.phoneNumber = phoneNumber;
        return user;
    }

    User withPhoneNumber(String phone) {
        this.phoneNumber = phone;
        return this;
    }

    /** AUTH-7 success. */
    void verifyEmail(Instant now) {
        emailVerified = true;
        emailVerifiedAt = now;
        status = UserStatus.ACTIVE.wire();
        updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        updatedAt = now;
    }

    /** AUTH-8: a reset also lifts the lock (decision). */
    void resetPassword(String newHash, Instant now) {
        changePassword(newHash, now);
        failedLoginAttempts = 0;
        lockedUntil = null;
    }

    void updateProfile(String newFirstName, String newLastName, String newPhone, boolean phoneGiven, Instant now) {
        if (newFirstName != null) {
            firstName = newFirstName;
        }
        if (newLastName != null) {
            lastName = newLastName;
        }
        if (phoneGiven) {
            phoneNumber = newPhone;
        }
        updatedAt = now;
    }

    /** AUTH-9: the allowed role changes, one exhaustive switch. */
    static boolean canTransition(Role from, Role to) {
        return switch (from) {
            case CLIENT -> to == Role.WASHER;
            case WASHER -> to == Role.MANAGER || to == Role.CLIENT;
            case MANAGER -> to == Role.ADMIN || to == Role.WASHER;
            case ADMIN -> to == Role.MANAGER;
        };
    }

    void changeRole(Role newRole, Instant now) {
        role = newRole.wire();
        updatedAt = now;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * AUTH-4 step 3: the lock that the n-th consecutive failure sets, {@code lockout × min(n div max, 4)};
     * none below {@code max} failures.
     */
    static Duration lockFor(int failedAttempts, int maxAttempts, Duration lockout) {
        if (failedAttempts < maxAttempts) {
            return Duration.ZERO;
        }
        return lockout.multipliedBy(Math.min(failedAttempts / maxAttempts, 4));
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String firstName() {
        return firstName;
    }

    String lastName() {
        return lastName;
    }

    String fullName() {
        return firstName + " " + lastName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }

    UserStatus status() {
        return UserStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }

    String phoneNumber() {
        return phoneNumber;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    int failedLoginAttempts() {
        return failedLoginAttempts;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }
}

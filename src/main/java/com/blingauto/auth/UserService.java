package com.blingauto.auth;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.Ids;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profiles and user administration (spec 01 E9–E11, E13, E15). */
@Service
public class UserService {

    private final UserRepository users;
    private final Passwords passwords;
    private final AuthService auth;
    private final Clock clock;
    private final AccountLookup accounts;

    UserService(UserRepository users, Passwords passwords, AuthService auth, Clock clock, AccountLookup accounts) {
        this.users = users;
        this.passwords = passwords;
        this.auth = auth;
        this.clock = clock;
        this.accounts = accounts;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** AUTH-13: filters combine with AND; order created_at then id; the true total. */
    @Transactional(readOnly = true)
    public AuthApi.UserList list(int offset, int limit, Role role, UserStatus status) {
        Specification<User> filter = (root, query, cb) -> cb.conjunction();
        if (role != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("role"), role.wire()));
        }
        if (status != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("status"), status.wire()));
        }
        long total = users.count(filter);
        var page = users.findBy(filter, q -> q.sortBy(Sort.by("createdAt", "id"))
                .page(new OffsetPage(offset, limit)));
        return new AuthApi.UserList(page.getContent().stream().map(AuthApi.UserResponse::of).toList(), total, offset, limit);
    }

    @Transactional(readOnly = true)
    public AuthApi.UserResponse get(String userId) {
        return AuthApi.UserResponse.of(find(userId));
    }

    /** AUTH-9: allowed transitions only, and never without an admin left. */
    @Transactional
    public AuthApi.UserResponse changeRole(String userId, Role newRole) {
        User user = find(userId);
        Role current = user.role();
        if (current == newRole) {
            return AuthApi.UserResponse.of(user);
        }
        if (!User.canTransition(current, newRole)) {
            throw new BusinessRuleViolationException("AUTH", 9, "Cannot transition from " + current.wire() + " to " + newRole.wire());
        }
        if (current == Role.ADMIN && users.lockAdmins().size() <= 1) {
            throw new BusinessRuleViolationException("AUTH", 9, "Cannot remove the last admin");
        }
        user.changeRole(newRole, now());
        users.flush();
        accounts.evictAfterCommit(user.id());
        return AuthApi.UserResponse.of(user);
    }

    /** AUTH-16: an active, verified user of any role; no e-mail. */
    @Transactional
    public AuthApi.UserResponse create(AuthApi.CreateUserRequest request) {
        String email = UserInput.email(request.email());
        PasswordPolicy.check(request.password(), "password");
        UserInput.refuseDisposable(email);
        if (users.findByEmail(email).isPresent()) {
            throw AuthService.emailTaken();
        }
        User user = User.activeVerified(email, UserInput.name(request.firstName()), UserInput.name(request.lastName()),
                passwords.hash(request.password()), request.role(), now()).withPhoneNumber(UserInput.phone(request.phoneNumber()));
        auth.saveNew(user);
        return AuthApi.UserResponse.of(user);
    }

    /** AUTH-12: only the caller's own profile. */
    @Transactional
    public AuthApi.ProfileResponse updateProfile(CurrentUser caller, AuthApi.UpdateProfileRequest request) {
        if (request.firstName() == null && request.lastName() == null && request.phoneNumber() == null) {
            throw new DomainValidationException("At least one field must be provided for update");
        }
        String firstName = request.firstName() == null ? null : UserInput.name(request.firstName());
        if (firstName != null && UserInput.length(firstName) < 2) {
            throw new DomainValidationException("First name must be at least 2 characters", "first_name");
        }
        String lastName = request.lastName() == null ? null : UserInput.name(request.lastName());
        if (lastName != null && UserInput.length(lastName) < 2) {
            throw new DomainValidationException("Last name must be at least 2 characters", "last_name");
        }
        User user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User not found", caller.id()));
        user.updateProfile(firstName, lastName, UserInput.phone(request.phoneNumber()), request.phoneNumber() != null, now());
        users.flush();
        return AuthApi.ProfileResponse.of(user);
    }

    /** The contacts of those users that exist, by id; unknown ids are absent from the map. */
    @Transactional(readOnly = true)
    public Map<UUID, UserContact> contacts(Collection<UUID> userIds) {
        Map<UUID, UserContact> contacts = new HashMap<>();
        if (userIds.isEmpty()) {
            return contacts;
        }
        for (User user : users.findAllById(Set.copyOf(userIds))) {
            contacts.put(user.id(), new UserContact(user.id(), user.email(), user.fullName()));
        }
        return contacts;
    }

    private User find(String userId) {
        UUID id = Ids.parse(userId).orElseThrow(() -> new NotFoundException("User not found", userId));
        return users.findById(id).orElseThrow(() -> new NotFoundException("User not found", userId));
    }
}

package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.security.internal.AppUser;
import com.fitnesscrm.orchestrator.security.internal.AppUserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins manage the people who log in: create them, disable and enable them, reset their passwords, change their
 * role. There is always at least one enabled admin.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
@Transactional(readOnly = true)
public class UserService {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,49}");

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final CurrentRequester requester;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock,
                CurrentRequester requester) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.requester = requester;
    }

    public List<UserAccount> list() {
        return users.findAllByOrderByUsernameAsc().stream().map(AppUser::toAccount).toList();
    }

    @Transactional
    public UserAccount create(String username, String password, UserRole role) {
        String name = normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new UserChangeRejectedException("username", "The user name must be 3 to 50 characters: letters, "
                    + "digits, '.', '_', '@' or '-', starting with a letter or digit.");
        }
        if (role == null) {
            throw new UserChangeRejectedException("role", "Choose a role.");
        }
        requireAcceptable(password);
        if (users.existsByUsername(name)) {
            throw duplicate(name);
        }
        try {
            return users.saveAndFlush(new AppUser(name, passwordEncoder.encode(password), role, clock.instant()))
                    .toAccount();
        } catch (DataIntegrityViolationException e) {
            throw duplicate(name); // created by someone else in the meantime
        }
    }

    @Transactional
    public UserAccount setEnabled(long id, boolean enabled) {
        AppUser user = find(id);
        if (!enabled && user.isEnabled()) {
            if (user.getUsername().equals(currentUsername())) {
                throw new UserChangeRejectedException("enabled", "You cannot disable your own account.");
            }
            if (user.getRole() == UserRole.ADMIN) {
                requireAnotherEnabledAdmin(user, "disabled");
            }
        }
        user.setEnabled(enabled, clock.instant());
        return user.toAccount();
    }

    @Transactional
    public UserAccount changeRole(long id, UserRole role) {
        if (role == null) {
            throw new UserChangeRejectedException("role", "Choose a role.");
        }
        AppUser user = find(id);
        if (user.getRole() == UserRole.ADMIN && role != UserRole.ADMIN && user.isEnabled()) {
            requireAnotherEnabledAdmin(user, "made a trainer");
        }
        user.changeRole(role, clock.instant());
        return user.toAccount();
    }

    /** Links a user to a trainer of the CRM (their clients come first in the pickers), or unlinks with null. */
    @Transactional
    public UserAccount linkCrmTrainer(long id, Long crmTrainerId) {
        AppUser user = find(id);
        user.setCrmTrainerId(crmTrainerId, clock.instant());
        return user.toAccount();
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        requireAcceptable(newPassword);
        AppUser user = find(id);
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
    }

    private void requireAnotherEnabledAdmin(AppUser user, String change) {
        boolean anotherAdmin = users.findByRoleAndEnabledTrue(UserRole.ADMIN).stream()
                .anyMatch(admin -> !admin.getId().equals(user.getId()));
        if (!anotherAdmin) {
            throw new UserChangeRejectedException("enabled", "'" + user.getUsername() + "' is the last enabled admin "
                    + "and cannot be " + change + "; make another user an admin first.");
        }
    }

    private AppUser find(long id) {
        return users.findById(id)
                .orElseThrow(() -> new UserChangeRejectedException("id", "There is no user with id " + id + "."));
    }

    private static void requireAcceptable(String password) {
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw new UserChangeRejectedException("password", problem);
        }
    }

    private static UserChangeRejectedException duplicate(String name) {
        return new UserChangeRejectedException("username", "A user named '" + name + "' already exists.");
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private String currentUsername() {
        Requester current = requester.get();
        return current.kind() == Requester.Kind.SYSTEM ? null : current.name();
    }
}

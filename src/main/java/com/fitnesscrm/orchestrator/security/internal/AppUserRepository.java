package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.UserRole;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findAllByOrderByUsernameAsc();

    /**
     * Locks every enabled admin, so that two admins disabling or demoting each other at the same moment are
     * serialised and cannot leave the system without one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<AppUser> findByRoleAndEnabledTrue(UserRole role);

    @Query("select new com.fitnesscrm.orchestrator.security.internal.SessionCheck(u.enabled, u.securityStamp) "
            + "from AppUser u where u.username = :username")
    Optional<SessionCheck> findSessionCheck(String username);

    // Single-column updates, so that a login or a theme switch never writes back a stale role or password.
    @Modifying
    @Query("update AppUser u set u.lastLoginAt = :at where u.username = :username")
    void updateLastLogin(String username, Instant at);

    @Modifying
    @Query("update AppUser u set u.darkTheme = :dark where u.username = :username")
    void updateDarkTheme(String username, boolean dark);
}

package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.UserRole;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

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
}

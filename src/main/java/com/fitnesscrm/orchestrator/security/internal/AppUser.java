package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.UserAccount;
import com.fitnesscrm.orchestrator.security.UserRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code ai_users}. */
@Entity
@Table(name = "ai_users")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 50)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UserRole role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "dark_theme", nullable = false)
    private boolean darkTheme;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "security_stamp", nullable = false)
    private int securityStamp;

    /** The CRM trainer an admin linked this user to; null when linked by e-mail or not at all. */
    @Column(name = "crm_trainer_id")
    private Long crmTrainerId;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, UserRole role, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.updatedAt = now;
        this.passwordChangedAt = now;
    }

    public UserAccount toAccount() {
        return new UserAccount(id, username, role, enabled, createdAt, lastLoginAt, crmTrainerId);
    }

    public Long getCrmTrainerId() {
        return crmTrainerId;
    }

    public void setCrmTrainerId(Long crmTrainerId, Instant now) {
        this.crmTrainerId = crmTrainerId;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public UserRole getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDarkTheme() {
        return darkTheme;
    }

    public int getSecurityStamp() {
        return securityStamp;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        changedSecurity(now);
    }

    public void changeRole(UserRole newRole, Instant now) {
        if (newRole != role) {
            this.role = newRole;
            changedSecurity(now);
        }
    }

    public void setEnabled(boolean enabled, Instant now) {
        if (enabled != this.enabled) {
            this.enabled = enabled;
            changedSecurity(now);
        }
    }

    /** Sessions opened before this change end at their next request ({@link RevokedSessionFilter}). */
    private void changedSecurity(Instant now) {
        this.securityStamp++;
        this.updatedAt = now;
    }
}

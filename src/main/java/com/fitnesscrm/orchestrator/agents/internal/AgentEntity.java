package com.fitnesscrm.orchestrator.agents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of the original service's {@code ai_agents}. */
@Entity
@Table(name = "ai_agents")
public class AgentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(nullable = false, length = 50)
    private String type;

    private String description;

    @Column(length = 20)
    private String status;

    @JdbcTypeCode(SqlTypes.JSON)
    private String config;

    /** Nullable in the original table; a null is read as enabled, as the column's default says. */
    private Boolean enabled;

    @Column(name = "config_version", nullable = false)
    private int configVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AgentEntity() {
    }

    public AgentEntity(String name, String type, String description, boolean enabled, String config, Instant now) {
        this.name = name;
        this.type = type;
        this.description = description;
        this.config = config;
        this.configVersion = 1;
        this.createdAt = now;
        setEnabled(enabled, now);
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStatus() {
        return status;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.status = enabled ? "active" : "inactive";
        this.updatedAt = now;
    }

    public String getConfig() {
        return config;
    }

    public int getConfigVersion() {
        return configVersion;
    }

    public void changeConfig(String config, int version, Instant now) {
        this.config = config;
        this.configVersion = version;
        this.updatedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}

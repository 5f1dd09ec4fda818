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

/** A row of {@code ai_agent_config_versions}: an agent's config as it was saved once. */
@Entity
@Table(name = "ai_agent_config_versions")
public class AgentConfigVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agent_id", nullable = false)
    private int agentId;

    @Column(nullable = false)
    private int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String config;

    @Column(nullable = false, length = 100)
    private String author;

    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgentConfigVersionEntity() {
    }

    public AgentConfigVersionEntity(int agentId, int version, String config, String author, String note,
                                    Instant createdAt) {
        this.agentId = agentId;
        this.version = version;
        this.config = config;
        this.author = author;
        this.note = note;
        this.createdAt = createdAt;
    }

    public int getAgentId() {
        return agentId;
    }

    public int getVersion() {
        return version;
    }

    public String getConfig() {
        return config;
    }

    public String getAuthor() {
        return author;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

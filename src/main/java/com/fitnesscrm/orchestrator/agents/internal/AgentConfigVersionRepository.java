package com.fitnesscrm.orchestrator.agents.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentConfigVersionRepository extends JpaRepository<AgentConfigVersionEntity, Long> {

    List<AgentConfigVersionEntity> findByAgentIdOrderByVersionDesc(int agentId);

    Optional<AgentConfigVersionEntity> findByAgentIdAndVersion(int agentId, int version);

    boolean existsByAgentId(int agentId);
}

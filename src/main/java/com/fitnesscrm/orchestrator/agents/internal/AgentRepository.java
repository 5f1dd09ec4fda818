package com.fitnesscrm.orchestrator.agents.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentRepository extends JpaRepository<AgentEntity, Integer> {

    List<AgentEntity> findAllByOrderByIdAsc();

    Optional<AgentEntity> findByName(String name);

    boolean existsByName(String name);

    boolean existsByType(String type);

    List<AgentEntity> findByTypeOrderByIdAsc(String type);
}

package com.fitnesscrm.orchestrator.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, Integer> {

    List<ApiKeyEntity> findAllByOrderByNameAsc();

    Optional<ApiKeyEntity> findByKeyHash(String keyHash);

    Optional<ApiKeyEntity> findByName(String name);

    boolean existsByName(String name);

    @Transactional
    @Modifying
    @Query("update ApiKeyEntity k set k.lastUsedAt = :at where k.id = :id")
    void touch(int id, Instant at);
}

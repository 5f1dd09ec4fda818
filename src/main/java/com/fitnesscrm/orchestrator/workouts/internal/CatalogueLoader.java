package com.fitnesscrm.orchestrator.workouts.internal;

import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies the exercise catalogue from {@code workouts/exercises.csv} into {@code ai_workout_exercises} at every start:
 * an upsert that changes only what changed, so several nodes starting together agree (see decision 0008).
 */
@Component
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    private final ExerciseTable table;

    CatalogueLoader(ExerciseTable table) {
        this.table = table;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        table.replaceWith(ExerciseCatalogue.standard().all());
        log.debug("Exercise catalogue loaded: {} exercises", ExerciseCatalogue.standard().all().size());
    }
}

package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the ITs of the shipped workflows share: the main backend's error report, and waiting for a run. */
final class ShippedWorkflowFixtures {

    private ShippedWorkflowFixtures() {
    }

    /**
     * A {@code KeyError} as the main backend's exception handler reports it ({@code POST /api/errors}), raised in a
     * function of its own so that its group is new.
     */
    static JsonNode keyError(ObjectMapper objectMapper) {
        String function = "book_session_" + UUID.randomUUID().toString().replace("-", "");
        try {
            return objectMapper.readTree("""
                    {"error": "'trainer_id'", "type": "KeyError", "stack_trace": "Traceback (most recent call \
                    last):\\n  File \\"/app/routes/sessions.py\\", line 88, in %s\\n    trainer_id = \
                    request.json['trainer_id']\\nKeyError: 'trainer_id'"}""".formatted(function));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run once finished, or once it waits again after it went on (an approval that led to another). */
    static Run awaitFinished(RunService runs, long id) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            Run run = runs.get(id);
            if (run.status().isFinished() || run.status() == RunStatus.WAITING && run.attempts() > 1) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Run " + id + " did not finish: " + runs.get(id).status());
    }
}

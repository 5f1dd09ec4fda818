package com.fitnesscrm.orchestrator.execution.testagents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.springframework.stereotype.Component;

/** A test-only agent that takes as long as it is told: for timeouts, cancels, async runs and crash recovery. */
@Component
public class SlowAgent implements AgentProgram<SlowAgent.Wait, SlowAgent.Waited> {

    public static final AgentType TYPE = new AgentType("slow_test", "Slow (test)");
    /** Latches a test waits on, by the run's {@code millis}: counted down when such a run starts to wait. */
    private static final Map<Long, CountDownLatch> STARTED = new ConcurrentHashMap<>();

    /** A latch released when a run of exactly {@code millis} starts waiting (pick a value no other test uses). */
    public static CountDownLatch startOf(long millis) {
        return STARTED.computeIfAbsent(millis, key -> new CountDownLatch(1));
    }

    public record Wait(long millis) {
    }

    public record Waited(long millis) {
    }

    @Override
    public AgentType type() {
        return TYPE;
    }

    @Override
    public Wait readInput(JsonNode input) {
        JsonNode millis = input.get("millis");
        if (millis == null || !millis.canConvertToLong() || millis.asLong() < 0 || millis.asLong() > 600_000) {
            throw new InvalidInputException("millis", "'millis' must be a whole number from 0 to 600000.");
        }
        return new Wait(millis.asLong());
    }

    @Override
    public Waited runRules(Wait input, RunSteps steps) {
        return steps.node("wait", () -> {
            CountDownLatch started = STARTED.remove(input.millis());
            if (started != null) {
                started.countDown();
            }
            try {
                Thread.sleep(input.millis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            return new Waited(input.millis());
        });
    }

    @Override
    public List<String> check(Wait input, Waited output) {
        return output.millis() == input.millis() ? List.of() : List.of("waited the wrong time");
    }

    @Override
    public Class<Waited> outputType() {
        return Waited.class;
    }
}

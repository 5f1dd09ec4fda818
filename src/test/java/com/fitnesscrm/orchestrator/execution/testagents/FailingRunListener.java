package com.fitnesscrm.orchestrator.execution.testagents;

import com.fitnesscrm.orchestrator.execution.RunFinished;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A listener of {@link RunFinished} that throws for runs of agents whose name starts with {@link #PREFIX}, and remembers
 * which runs it threw for: the stand-in for a metrics or health listener with a bug.
 */
@Component
public class FailingRunListener {

    public static final String PREFIX = "listener-fails-";

    private final Set<Long> thrownFor = ConcurrentHashMap.newKeySet();

    @EventListener
    void on(RunFinished finished) {
        if (finished.agentName() != null && finished.agentName().startsWith(PREFIX)) {
            thrownFor.add(finished.runId());
            throw new IllegalStateException("listener failed on run " + finished.runId());
        }
    }

    public boolean threwFor(long runId) {
        return thrownFor.contains(runId);
    }
}

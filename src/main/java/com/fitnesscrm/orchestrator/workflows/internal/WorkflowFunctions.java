package com.fitnesscrm.orchestrator.workflows.internal;

import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunctionInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The installed {@link WorkflowFunction}s, by name. */
@Component
public class WorkflowFunctions {

    private final Map<String, WorkflowFunction> byName = new TreeMap<>();

    WorkflowFunctions(List<WorkflowFunction> functions) {
        for (WorkflowFunction function : functions) {
            WorkflowFunction previous = byName.put(function.name(), function);
            if (previous != null) {
                throw new IllegalStateException("Two workflow functions are called '" + function.name() + "': "
                        + previous.getClass().getName() + " and " + function.getClass().getName());
            }
        }
    }

    public Optional<WorkflowFunction> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public List<WorkflowFunctionInfo> infos() {
        return byName.values().stream().map(f -> new WorkflowFunctionInfo(f.name(), f.description())).toList();
    }
}

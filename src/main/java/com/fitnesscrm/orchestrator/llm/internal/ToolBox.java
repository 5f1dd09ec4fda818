package com.fitnesscrm.orchestrator.llm.internal;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;

/**
 * The {@code @Tool} methods of one agent's tools object, described for the model and run with LangChain4j's
 * {@link DefaultToolExecutor} (which turns the model's JSON arguments into the Java parameters by name).
 */
public final class ToolBox {

    private static final ToolBox EMPTY = new ToolBox(Map.of(), Map.of());
    /**
     * The {@code @Tool} methods of each tools class with their specifications, read once: reflecting over a class
     * and validating its specifications took 7 % of an LLM run's CPU when it was done on every run.
     */
    private static final ClassValue<Map<Method, ToolSpecification>> DESCRIBED = new ClassValue<>() {
        @Override
        protected Map<Method, ToolSpecification> computeValue(Class<?> type) {
            ToolSpecifications.validateSpecifications(ToolSpecifications.toolSpecificationsFrom(type));
            Map<Method, ToolSpecification> methods = new LinkedHashMap<>();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Tool.class)) {
                    methods.put(method, ToolSpecifications.toolSpecificationFrom(method));
                }
            }
            return Collections.unmodifiableMap(methods);
        }
    };

    private final Map<String, ToolSpecification> specifications;
    private final Map<String, ToolExecutor> executors;

    private ToolBox(Map<String, ToolSpecification> specifications, Map<String, ToolExecutor> executors) {
        this.specifications = specifications;
        this.executors = executors;
    }

    /** The tools of {@code tools}, or none for {@code null}. */
    public static ToolBox of(Object tools) {
        if (tools == null) {
            return EMPTY;
        }
        // A Spring bean may be a CGLIB proxy whose overriding methods lack @Tool; read the user's class and invoke
        // through the proxy, so the bean's transactions and security still apply.
        Class<?> type = ClassUtils.getUserClass(tools);
        Map<String, ToolSpecification> specifications = new LinkedHashMap<>();
        Map<String, ToolExecutor> executors = new LinkedHashMap<>();
        DESCRIBED.get(type).forEach((method, specification) -> {
            specifications.put(specification.name(), specification);
            executors.put(specification.name(), DefaultToolExecutor.builder()
                    .object(tools)
                    .originalMethod(method)
                    .methodToInvoke(method)
                    // Both on, so bad arguments and a throwing tool reach us as exceptions we report alike.
                    .wrapToolArgumentsExceptions(true)
                    .propagateToolExecutionExceptions(true)
                    .build());
        });
        if (specifications.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Tool methods");
        }
        return new ToolBox(Map.copyOf(specifications), Map.copyOf(executors));
    }

    public boolean isEmpty() {
        return specifications.isEmpty();
    }

    public List<ToolSpecification> specifications() {
        return List.copyOf(specifications.values());
    }

    /** Runs the tool the model asked for; a failure comes back as text for the model, never as an exception. */
    public Outcome execute(ToolExecutionRequest request) {
        ToolExecutor executor = executors.get(request.name());
        if (executor == null) {
            return new Outcome("Error: there is no tool named " + request.name(), false);
        }
        try {
            String result = executor.execute(request, null);
            return new Outcome(result == null ? "" : result, true);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            return new Outcome("Error: " + message, false);
        }
    }

    /** What a tool answered, as the model will read it. */
    public record Outcome(String text, boolean succeeded) {
    }
}

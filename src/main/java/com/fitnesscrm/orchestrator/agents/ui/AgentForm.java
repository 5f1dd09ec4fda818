package com.fitnesscrm.orchestrator.agents.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An agent's name, type, description, state and every config field, bound to an {@link AgentValues} record. Ranges
 * are checked by the service, which knows them ({@link AgentConfig#read}); its refusal comes back through
 * {@link #showRejection} and is shown at the field it names.
 */
public class AgentForm extends Composite<FormLayout> {

    /**
     * What the admin entered (public: the binder reads it by reflection). Empty {@code model} means the provider's
     * default, an empty {@code dailyBudgetUsd} no cap.
     */
    public record AgentValues(String name, String type, String description, boolean enabled, String model,
                              Double temperature, String systemPrompt, Integer maxTokens, Integer timeoutSeconds,
                              Integer maxRetries, BigDecimal dailyBudgetUsd, Integer cacheTtlSeconds,
                              String fallbackPolicy, String note) {

        static AgentValues of(Agent agent) {
            return withConfig(agent.name(), agent.type(), agent.description(), agent.enabled(), agent.config());
        }

        static AgentValues withConfig(String name, String type, String description, boolean enabled,
                                      AgentConfig config) {
            return new AgentValues(name, type, description == null ? "" : description, enabled,
                    config.model() == null ? "" : config.model(), config.temperature(), config.systemPrompt(),
                    config.maxTokens(), config.timeoutSeconds(), config.maxRetries(), config.dailyBudgetUsd(),
                    config.cacheTtlSeconds(), config.fallbackPolicy().code(), "");
        }

        /** The draft the service takes; on a change the type is left out (it cannot change). */
        AgentDraft toDraft(boolean creating) {
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.put("model", model == null || model.isBlank() ? null : model.strip());
            config.put("temperature", temperature);
            config.put("system_prompt", systemPrompt == null ? "" : systemPrompt);
            config.put("max_tokens", maxTokens);
            config.put("timeout_seconds", timeoutSeconds);
            config.put("max_retries", maxRetries);
            config.put("daily_budget_usd", dailyBudgetUsd);
            config.put("cache_ttl_seconds", cacheTtlSeconds);
            config.put("fallback_policy", fallbackPolicy);
            return new AgentDraft(name, creating ? type : null, description, enabled, config, note);
        }
    }

    final TextField name = new TextField("Name");
    final ComboBox<String> type = new ComboBox<>("Type");
    final TextArea description = new TextArea("Description");
    final Checkbox enabled = new Checkbox("Enabled");
    final TextField model = new TextField("Model");
    final NumberField temperature = new NumberField("Temperature");
    final TextArea systemPrompt = new TextArea("System prompt");
    final IntegerField maxTokens = new IntegerField("Max tokens");
    final IntegerField timeoutSeconds = new IntegerField("Timeout (seconds)");
    final IntegerField maxRetries = new IntegerField("Max retries");
    final BigDecimalField dailyBudgetUsd = new BigDecimalField("Daily budget (USD)");
    final IntegerField cacheTtlSeconds = new IntegerField("Cache TTL (seconds)");
    final Select<String> fallbackPolicy = new Select<>();
    final TextField note = new TextField("Change note");
    private final Binder<AgentValues> binder = new Binder<>(AgentValues.class);
    /** The service's field names ({@code InvalidInputException.field()}) and where they are shown. */
    private final Map<String, HasValidation> fieldsByServiceName;

    /**
     * @param types         the types to choose from; {@code null} when editing (an agent's type never changes)
     * @param defaultConfig the config a new agent of a type starts from, shown when the type is chosen
     */
    AgentForm(List<AgentType> types, Function<String, AgentConfig> defaultConfig) {
        fieldsByServiceName = Map.ofEntries(Map.entry("name", name), Map.entry("type", type),
                Map.entry("description", description), Map.entry("config.model", model),
                Map.entry("config.temperature", temperature), Map.entry("config.system_prompt", systemPrompt),
                Map.entry("config.max_tokens", maxTokens), Map.entry("config.timeout_seconds", timeoutSeconds),
                Map.entry("config.max_retries", maxRetries), Map.entry("config.daily_budget_usd", dailyBudgetUsd),
                Map.entry("config.cache_ttl_seconds", cacheTtlSeconds),
                Map.entry("config.fallback_policy", fallbackPolicy), Map.entry("version", note));
        configureFields(types, defaultConfig);
        bindFields();
        getContent().add(name, type, description, enabled, model, temperature, systemPrompt, maxTokens,
                timeoutSeconds, maxRetries, dailyBudgetUsd, cacheTtlSeconds, fallbackPolicy, note);
        getContent().setColspan(description, 2);
        getContent().setColspan(systemPrompt, 2);
        getContent().setColspan(note, 2);
    }

    private void configureFields(List<AgentType> types, Function<String, AgentConfig> defaultConfig) {
        type.setVisible(types != null);
        if (types != null) {
            type.setItems(types.stream().map(AgentType::code).toList());
            type.setItemLabelGenerator(code -> types.stream().filter(t -> t.code().equals(code)).findFirst()
                    .map(t -> t.displayName() + " (" + code + ")").orElse(code));
            // A new agent starts from its type's defaults, so the admin sees what they would get.
            type.addValueChangeListener(event -> {
                if (event.isFromClient() && event.getValue() != null) {
                    binder.readRecord(AgentValues.withConfig(name.getValue(), event.getValue(),
                            description.getValue(), enabled.getValue(), defaultConfig.apply(event.getValue())));
                }
            });
        }
        model.setHelperText("Empty: the provider's default model");
        temperature.setStep(0.1);
        temperature.setStepButtonsVisible(true);
        temperature.setHelperText("0 to 2; lower is more predictable");
        systemPrompt.setMaxHeight("12rem");
        maxTokens.setHelperText("16 to 128000");
        timeoutSeconds.setHelperText("1 to " + AgentConfig.MAX_TIMEOUT_SECONDS);
        maxRetries.setHelperText("0 to 5");
        dailyBudgetUsd.setHelperText("Empty: no cap");
        cacheTtlSeconds.setHelperText("0: never reuse an answer");
        fallbackPolicy.setLabel("Fallback policy");
        fallbackPolicy.setItems("rules", "fail");
        fallbackPolicy.setItemLabelGenerator(code -> code.equals("rules")
                ? "rules: answer from the rules engine" : "fail: fail the run");
        note.setHelperText("Why the config changes; kept with the new version");
    }

    private void bindFields() {
        binder.forField(name).asRequired("Enter a name.").bind("name");
        binder.forField(type).asRequired("Choose a type.").bind("type");
        binder.forField(description).bind("description");
        binder.forField(enabled).bind("enabled");
        binder.forField(model).bind("model");
        binder.forField(temperature).asRequired("Enter a temperature.").bind("temperature");
        binder.forField(systemPrompt).bind("systemPrompt");
        binder.forField(maxTokens).asRequired("Enter the max tokens.").bind("maxTokens");
        binder.forField(timeoutSeconds).asRequired("Enter a timeout.").bind("timeoutSeconds");
        binder.forField(maxRetries).asRequired("Enter the max retries.").bind("maxRetries");
        binder.forField(dailyBudgetUsd).bind("dailyBudgetUsd");
        binder.forField(cacheTtlSeconds).asRequired("Enter the cache TTL.").bind("cacheTtlSeconds");
        binder.forField(fallbackPolicy).asRequired("Choose a fallback policy.").bind("fallbackPolicy");
        binder.forField(note).bind("note");
    }

    void load(AgentValues values) {
        if (!type.isVisible() && values.type() != null) {
            type.setItems(values.type()); // editing: the type is kept, hidden, and cannot change
        }
        binder.readRecord(values);
    }

    /** @return the entered values, or empty when a required field is missing (shown at the field) */
    Optional<AgentValues> read() {
        fieldsByServiceName.values().forEach(field -> field.setInvalid(false));
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    /**
     * Shows a rule the service refused next to the field it names ({@code config.temperature} → the temperature
     * field).
     *
     * @return whether a field shows it; otherwise the caller shows it elsewhere
     */
    boolean showRejection(String field, String message) {
        HasValidation target = field == null ? null : fieldsByServiceName.get(field);
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }
}

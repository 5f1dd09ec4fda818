package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fitnesscrm.orchestrator.agents.internal.AgentConfigVersionEntity;
import com.fitnesscrm.orchestrator.agents.internal.AgentConfigVersionRepository;
import com.fitnesscrm.orchestrator.agents.internal.AgentEntity;
import com.fitnesscrm.orchestrator.agents.internal.AgentRepository;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create, change, enable, disable and delete agents; every config change is a new version that can be
 * compared with another and rolled back to. Deleting an agent keeps its runs.
 */
@Service
@PreAuthorize(Permissions.READ)
@Transactional(readOnly = true)
public class AgentService {

    private final AgentRepository agents;
    private final AgentConfigVersionRepository versions;
    private final AgentPrograms programs;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final CurrentRequester requester;
    private final ApplicationEventPublisher events;

    AgentService(AgentRepository agents, AgentConfigVersionRepository versions, AgentPrograms programs,
                 ObjectMapper objectMapper, Clock clock, CurrentRequester requester,
                 ApplicationEventPublisher events) {
        this.agents = agents;
        this.versions = versions;
        this.programs = programs;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.requester = requester;
        this.events = events;
    }

    public List<Agent> list() {
        return agents.findAllByOrderByIdAsc().stream().map(this::toAgent).toList();
    }

    public Agent get(int id) {
        return toAgent(find(id));
    }

    public List<AgentType> types() {
        return programs.knownTypes();
    }

    /** The config a new agent of {@code type} starts from, for the create form. */
    public AgentConfig defaultConfig(String type) {
        return programs.defaultConfig(type);
    }

    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Agent create(AgentDraft draft) {
        storable(draft);
        String name = requireName(draft.name());
        String type = draft.type() == null ? null : draft.type().strip();
        if (type == null || type.isEmpty()) {
            throw new InvalidInputException("type", "Choose the agent's type: " + typeCodes() + ".");
        }
        if (programs.type(type).isEmpty()) {
            throw new InvalidInputException("type", "Unknown agent type '" + type + "'; the types are "
                    + typeCodes() + ".");
        }
        AgentConfig config = readConfig(draft.config(), programs.defaultConfig(type));
        if (agents.existsByName(name)) {
            throw duplicate(name);
        }
        AgentEntity agent = new AgentEntity(name, type, blankToNull(draft.description()),
                draft.enabled() == null || draft.enabled(), config.toJsonText(), clock.instant());
        try {
            agents.saveAndFlush(agent);
        } catch (DataIntegrityViolationException e) {
            throw duplicate(name);
        }
        versions.save(new AgentConfigVersionEntity(agent.getId(), 1, config.toJsonText(), actor(),
                draft.note() == null || draft.note().isBlank() ? "Created" : draft.note().strip(),
                clock.instant()));
        publishChange(agent);
        return toAgent(agent);
    }

    /**
     * Changes the fields the draft sets. A config that differs from the current one becomes a new version; the type
     * cannot change (the runs and config of a type belong together).
     */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Agent update(int id, AgentDraft draft) {
        storable(draft);
        AgentEntity agent = find(id);
        if (draft.type() != null && !draft.type().strip().equals(agent.getType())) {
            throw new InvalidInputException("type", "An agent's type cannot change; create a new agent instead.");
        }
        if (draft.name() != null) {
            String name = requireName(draft.name());
            if (!name.equals(agent.getName())) {
                if (agents.existsByName(name)) {
                    throw duplicate(name);
                }
                agent.setName(name);
            }
        }
        if (draft.description() != null) {
            agent.setDescription(blankToNull(draft.description()));
        }
        if (draft.enabled() != null && draft.enabled() != agent.isEnabled()) {
            agent.setEnabled(draft.enabled(), clock.instant());
        }
        if (draft.config() != null) {
            AgentConfig current = config(agent);
            AgentConfig changed = readConfig(draft.config(), current);
            if (!changed.equals(current)) {
                newVersion(agent, changed, draft.note());
            }
        }
        agent.touch(clock.instant());
        try {
            agents.flush();
        } catch (DataIntegrityViolationException e) {
            throw duplicate(agent.getName());
        }
        publishChange(agent);
        return toAgent(agent);
    }

    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Agent setEnabled(int id, boolean enabled) {
        AgentEntity agent = find(id);
        agent.setEnabled(enabled, clock.instant());
        publishChange(agent);
        return toAgent(agent);
    }

    /** Deletes the agent and its versions; its runs stay, with the agent's name and without the link. */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public void delete(int id) {
        AgentEntity agent = find(id);
        agents.delete(agent);
        agents.flush();
        publishChange(agent);
    }

    public List<AgentConfigVersion> versions(int id) {
        find(id);
        return versions.findByAgentIdOrderByVersionDesc(id).stream().map(this::toVersion).toList();
    }

    /** The fields that differ from version {@code from} to version {@code to}. */
    public List<AgentConfigChange> diff(int id, int from, int to) {
        JsonNode before = version(id, from).config().toJson();
        JsonNode after = version(id, to).config().toJson();
        List<AgentConfigChange> changes = new ArrayList<>();
        before.fieldNames().forEachRemaining(field -> {
            JsonNode was = before.get(field);
            JsonNode is = after.path(field);
            if (!was.equals(is.isMissingNode() ? NullNode.getInstance() : is)) {
                changes.add(new AgentConfigChange(field, was, is.isMissingNode() ? NullNode.getInstance() : is));
            }
        });
        return changes;
    }

    /** Makes an earlier version's config current again, as a new version (history is never rewritten). */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Agent rollback(int id, int version, String note) {
        AgentEntity agent = find(id);
        AgentConfig target = version(id, version).config();
        if (target.equals(config(agent))) {
            throw new ConflictException("version", "Version " + version + " is the same as the current config.");
        }
        newVersion(agent, target, note == null || note.isBlank() ? "Rolled back to version " + version : note);
        publishChange(agent);
        return toAgent(agent);
    }

    private AgentConfigVersion version(int id, int version) {
        find(id);
        return versions.findByAgentIdAndVersion(id, version).map(this::toVersion)
                .orElseThrow(() -> new NotFoundException("Agent " + id + " has no config version " + version + "."));
    }

    private void newVersion(AgentEntity agent, AgentConfig config, String note) {
        int next = agent.getConfigVersion() + 1;
        agent.changeConfig(config.toJsonText(), next, clock.instant());
        versions.save(new AgentConfigVersionEntity(agent.getId(), next, config.toJsonText(), actor(),
                note == null || note.isBlank() ? null : note.strip(), clock.instant()));
    }

    private AgentEntity find(int id) {
        return agents.findById(id).orElseThrow(() -> new NotFoundException("No agent with id " + id + "."));
    }

    private AgentConfig readConfig(JsonNode json, AgentConfig base) {
        try {
            return AgentConfig.read(json, base);
        } catch (InvalidInputException e) {
            throw e.under("config");
        }
    }

    /** Texts PostgreSQL can store (no NUL) and JSON within the limits, whether from the API or a form. */
    private static void storable(AgentDraft draft) {
        JsonLimits.text(draft.name(), "name", "text");
        JsonLimits.text(draft.description(), "description", "text");
        JsonLimits.text(draft.note(), "note", "text");
        JsonLimits.check(draft.config(), "config", 1);
    }

    private AgentConfig config(AgentEntity agent) {
        return AgentCatalog.parseStoredConfig(objectMapper, agent.getConfig(), programs.defaultConfig(agent.getType()));
    }

    private Agent toAgent(AgentEntity agent) {
        return AgentCatalog.toAgent(agent, config(agent), programs.forType(agent.getType()).isPresent());
    }

    private AgentConfigVersion toVersion(AgentConfigVersionEntity version) {
        AgentConfig config = AgentCatalog.parseStoredConfig(objectMapper, version.getConfig(),
                AgentConfig.defaults(""));
        return new AgentConfigVersion(version.getAgentId(), version.getVersion(), config, version.getAuthor(),
                version.getNote(), version.getCreatedAt());
    }


    private String actor() {
        return requester.name();
    }

    private void publishChange(AgentEntity agent) {
        events.publishEvent(new AgentChanged(agent.getId()));
    }

    private String typeCodes() {
        return String.join(", ", programs.knownTypes().stream().map(AgentType::code).toList());
    }

    private static String requireName(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > 100) {
            throw new InvalidInputException("name", "The agent's name must be 1 to 100 characters.");
        }
        return value;
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("name", "An agent named '" + name + "' already exists.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

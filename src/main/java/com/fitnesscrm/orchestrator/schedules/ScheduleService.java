package com.fitnesscrm.orchestrator.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.schedules.internal.ScheduleJob;
import com.fitnesscrm.orchestrator.schedules.internal.ScheduleStore;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.quartz.CronExpression;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' schedules: each is a row of {@code ai_schedules} and a Quartz job with its cron trigger in the clustered
 * store, written in one transaction (Quartz's store takes part in it), so that a schedule fires once in the cluster
 * and survives restarts. Input is checked as a run's input is; a bad cron, zone or agent is refused naming the field.
 */
@Service
@PreAuthorize(Permissions.ADMIN)
@Transactional(readOnly = true)
public class ScheduleService {

    /** A schedule's input is stored with it and sent on every firing: far below a request's 1 MB. */
    static final int MAX_INPUT_BYTES = 64 * 1024;
    static final int MAX_NAME = 100;
    static final int HISTORY = 50;

    private final ScheduleStore store;
    private final Scheduler scheduler;
    private final AgentCatalog agents;
    private final CurrentRequester requester;
    private final Clock clock;

    ScheduleService(ScheduleStore store, Scheduler scheduler, AgentCatalog agents, CurrentRequester requester,
                    Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.agents = agents;
        this.requester = requester;
        this.clock = clock;
    }

    @PreAuthorize(Permissions.ADMIN)
    public List<Schedule> list() {
        return store.list();
    }

    @PreAuthorize(Permissions.ADMIN)
    public Schedule get(long id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("No schedule with id " + id + "."));
    }

    /** The newest runs the schedule started. */
    @PreAuthorize(Permissions.ADMIN)
    public List<ScheduledRun> runs(long id) {
        get(id);
        return store.runs(id, HISTORY);
    }

    @PreAuthorize(Permissions.ADMIN)
    @Transactional
    public Schedule create(ScheduleDraft draft) {
        ScheduleDraft checked = check(draft, null);
        long id;
        try {
            id = store.insert(checked, requester.name());
        } catch (DuplicateKeyException e) {
            throw taken(checked.name());
        }
        JobDetail job = JobBuilder.newJob(ScheduleJob.class).withIdentity(ScheduleTriggers.jobKey(id))
                .withDescription("Schedule '" + checked.name() + "': runs " + checked.agent())
                .usingJobData(ScheduleJob.SCHEDULE_ID, id).storeDurably().build();
        quartz(() -> scheduler.scheduleJob(job, trigger(id, checked)));
        return get(id);
    }

    @PreAuthorize(Permissions.ADMIN)
    @Transactional
    public Schedule update(long id, ScheduleDraft draft) {
        Schedule current = get(id);
        ScheduleDraft checked = check(draft, id);
        try {
            store.update(id, checked);
        } catch (DuplicateKeyException e) {
            throw taken(checked.name());
        }
        quartz(() -> {
            if (scheduler.rescheduleJob(ScheduleTriggers.triggerKey(id), trigger(id, checked)) == null) {
                // its trigger is gone (a cron with a year that had fired its last time): schedule it anew
                scheduler.scheduleJob(trigger(id, checked));
            }
            if (current.paused()) {
                scheduler.pauseTrigger(ScheduleTriggers.triggerKey(id));
            }
        });
        return get(id);
    }

    @PreAuthorize(Permissions.ADMIN)
    @Transactional
    public Schedule pause(long id) {
        get(id);
        store.paused(id, true);
        quartz(() -> scheduler.pauseTrigger(ScheduleTriggers.triggerKey(id)));
        return get(id);
    }

    /** Resumes; with {@code misfire_policy: run_once}, a fire time missed while paused runs once now. */
    @PreAuthorize(Permissions.ADMIN)
    @Transactional
    public Schedule resume(long id) {
        get(id);
        store.paused(id, false);
        quartz(() -> scheduler.resumeTrigger(ScheduleTriggers.triggerKey(id)));
        return get(id);
    }

    @PreAuthorize(Permissions.ADMIN)
    @Transactional
    public void delete(long id) {
        get(id);
        store.delete(id);
        quartz(() -> scheduler.deleteJob(ScheduleTriggers.jobKey(id)));
    }

    private static ConflictException taken(String name) {
        return new ConflictException("name", "A schedule named '" + name + "' exists already.");
    }

    private static Trigger trigger(long id, ScheduleDraft draft) {
        return ScheduleTriggers.trigger(id, draft.cron(), draft.timeZone(), draft.misfirePolicy());
    }

    private ScheduleDraft check(ScheduleDraft draft, Long id) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "'name' is required.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "'name' is at most " + MAX_NAME + " characters.");
        }
        JsonLimits.text(name, "name", "name");
        if (store.nameTaken(name, id)) {
            throw taken(name);
        }
        String agent = draft.agent() == null ? "" : draft.agent().strip();
        if (agent.isEmpty()) {
            throw new InvalidInputException("agent", "'agent' is required: the name or id of the agent to run.");
        }
        String agentName = agents.byReference(agent).map(found -> found.name()).orElseThrow(() ->
                new InvalidInputException("agent", "No agent '" + agent + "'."));
        JsonNode input = draft.input() == null || draft.input().isNull() ? JsonNodeFactory.instance.objectNode()
                : draft.input();
        if (!input.isObject()) {
            throw new InvalidInputException("input", "'input' must be a JSON object: the agent's input.");
        }
        JsonLimits.check(input, "input", 2);
        if (input.toString().getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new InvalidInputException("input", "'input' is at most " + MAX_INPUT_BYTES / 1024 + " KB.");
        }
        String zone = ScheduleTriggers.zone(draft.timeZone()).getId();
        CronExpression expression = ScheduleTriggers.cron(draft.cron(), ScheduleTriggers.zone(zone));
        if (expression.getNextValidTimeAfter(Date.from(clock.instant())) == null) {
            throw new InvalidInputException("cron", "The cron expression '" + expression.getCronExpression()
                    + "' never fires again.");
        }
        String cron = expression.getCronExpression();
        return new ScheduleDraft(name, agentName, input, cron, zone,
                draft.overlapPolicy() == null ? OverlapPolicy.SKIP : draft.overlapPolicy(),
                draft.misfirePolicy() == null ? MisfirePolicy.RUN_ONCE : draft.misfirePolicy());
    }

    private interface QuartzCall {
        void run() throws SchedulerException;
    }

    private static void quartz(QuartzCall call) {
        try {
            call.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler refused the change: " + e.getMessage(), e);
        }
    }
}

package com.fitnesscrm.orchestrator.schedules.internal;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.schedules.OverlapPolicy;
import com.fitnesscrm.orchestrator.schedules.Schedule;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One firing of a schedule, on the one node Quartz's cluster gave it to: unless the schedule is gone or paused, or
 * its previous run still goes and overlaps are skipped (counted on the schedule), it queues an async run of its agent
 * as {@code schedule:<id>}. What the run then does is the run's record; what kept a firing from starting one (the
 * agent deleted or disabled) is the schedule's {@code last_error}.
 */
@DisallowConcurrentExecution // per schedule, across the cluster: two firings never both find "nothing going"
public class ScheduleJob extends QuartzJobBean {

    public static final String SCHEDULE_ID = "schedule_id";
    private static final Logger log = LoggerFactory.getLogger(ScheduleJob.class);

    private final ScheduleStore schedules;
    private final RunService runs;
    private final CurrentRequester requester;

    ScheduleJob(ScheduleStore schedules, RunService runs, CurrentRequester requester) {
        this.schedules = schedules;
        this.runs = runs;
        this.requester = requester;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        long id = context.getMergedJobDataMap().getLong(SCHEDULE_ID);
        Optional<Schedule> found = schedules.get(id);
        if (found.isEmpty() || found.get().paused()) {
            return;
        }
        Schedule schedule = found.get();
        if (schedule.overlapPolicy() == OverlapPolicy.SKIP && schedules.previousRunGoing(id)) {
            log.info("Schedule '{}' skipped a firing: its previous run is still going", schedule.name());
            schedules.skipped(id);
            return;
        }
        try {
            Run run = requester.asSchedule(id,
                    () -> runs.run(RunRequest.forAgent(schedule.agent(), schedule.input(), true)));
            schedules.fired(id, run.id(), null);
        } catch (NotFoundException | InvalidInputException | ConflictException | UnavailableException e) {
            // refused: the agent deleted, disabled or without an engine, or the input no longer accepted (then a
            // rejected or failed run is on the record too); the schedule says why
            log.warn("Schedule '{}' could not start a run of '{}': {}", schedule.name(), schedule.agent(),
                    e.getMessage());
            schedules.fired(id, null, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Schedule '{}' could not start a run of '{}'", schedule.name(), schedule.agent(), e);
            schedules.fired(id, null, "The run could not start; the service's log has the reason.");
        }
    }
}

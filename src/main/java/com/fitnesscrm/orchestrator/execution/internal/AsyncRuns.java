package com.fitnesscrm.orchestrator.execution.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Async runs on db-scheduler (docs/decisions/0004): one task instance per run, named by the run's id, written in
 * the same transaction as the queued run and deleted in the statement that finishes it. A node that dies while
 * running one stops sending heartbeats; another node (or this one, restarted) revives the instance and the run
 * executes again from the start.
 */
@Configuration(proxyBeanMethods = false)
class AsyncRuns {

    public static final String TASK_NAME = "agent-run";
    private static final Logger log = LoggerFactory.getLogger(AsyncRuns.class);

    @Bean
    // Lazy: RunLifecycle needs this task to queue runs, so it cannot be injected here directly.
    CustomTask<Long> agentRunTask(ObjectProvider<RunLifecycle> lifecycle) {
        return Tasks.custom(TASK_NAME, Long.class)
                // runQueued records every fault of the run itself; what reaches here is e.g. the database gone.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(15)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    // The instance's id is the run's: no data to serialize on queuing or to read back on each pick.
                    // Tasks queued before carry the id as data too, the same number.
                    lifecycle.getObject().runQueued(Long.parseLong(instance.getId()),
                            context.getExecution().version);
                    return DELETED_WITH_THE_RUN;
                });
    }

    /**
     * The completion of a run's task: nothing, because runQueued deleted the task in the statement that finished the
     * run. A one-time task's usual completion deletes it in a transaction of its own, one commit more per run.
     */
    private static final CompletionHandler<Long> DELETED_WITH_THE_RUN = (complete, operations) -> {
    };

    /**
     * Schedules a queued run to execute now; joins the caller's transaction, and wakes this node's scheduler once that
     * commits. db-scheduler's own wake (immediate execution, off) comes as the task is inserted: its poll, on a
     * connection of its own, could not yet see the uncommitted task, and the run waited for the next poll.
     */
    public static void schedule(SchedulerClient scheduler, CustomTask<Long> task, long executionId, Clock clock) {
        // A new run's id has no task yet: a plain insert, without the lookup scheduleIfNotExists makes first.
        scheduler.scheduleBatch(List.of(task.instance(String.valueOf(executionId))), clock.instant());
        if (scheduler instanceof Scheduler local) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        local.triggerCheckForDueExecutions();
                    }
                });
            } else {
                local.triggerCheckForDueExecutions();
            }
        }
    }

    /** Removes a queued run's task; a task already picked by a node just finds the run cancelled. */
    public static void unschedule(SchedulerClient scheduler, long executionId) {
        try {
            scheduler.cancel(TaskInstanceId.of(TASK_NAME, String.valueOf(executionId)));
        } catch (RuntimeException e) {
            log.debug("Task of run {} was already gone: {}", executionId, e.getMessage());
        }
    }
}

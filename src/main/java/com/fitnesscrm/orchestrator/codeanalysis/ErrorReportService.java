package com.fitnesscrm.orchestrator.codeanalysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisOutput.ErrorGroup;
import com.fitnesscrm.orchestrator.codeanalysis.engine.CodeAnalysisEngine;
import com.fitnesscrm.orchestrator.codeanalysis.internal.CodeAnalysisStore;
import com.fitnesscrm.orchestrator.codeanalysis.internal.CodeAnalysisStore.StoredGroup;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/errors}: the main backend's exception handler reports an error. The error is grouped at once (the
 * rules engine, no LLM) and its group counted up; the analysis runs as an async {@code code_analysis} run, at most
 * one per group per {@code orchestrator.code-analysis.error-analysis-interval} (10 minutes by default), so an error
 * storm counts up instead of flooding the LLM.
 */
@Service
@PreAuthorize(Permissions.EXECUTE)
public class ErrorReportService {

    private static final Logger log = LoggerFactory.getLogger(ErrorReportService.class);

    private final CodeAnalysisEngine engine = new CodeAnalysisEngine();
    private final CodeAnalysisStore store;
    private final RunService runs;
    private final Clock clock;
    private final Duration interval;

    ErrorReportService(CodeAnalysisStore store, RunService runs, Clock clock,
                       @Value("${orchestrator.code-analysis.error-analysis-interval:10m}") Duration interval) {
        this.store = store;
        this.runs = runs;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * The group as reported, and the analysis run it started ({@code null} when one ran for the group within the
     * interval, or when none could start: then {@code notStarted} says why, e.g. the agent is disabled).
     */
    public record Reported(ErrorGroup group, Long runId, String notStarted) {
    }

    /**
     * Groups and counts the error; starts its analysis when the group's turn has come.
     *
     * @throws InvalidInputException naming the field
     */
    public Reported report(JsonNode body) {
        CodeAnalysisInput input = CodeAnalysisInputReader.read(body);
        if (input.kind() != CodeAnalysisInput.Kind.ERROR) {
            throw new InvalidInputException("error", "'error' is required: the "
                    + "exception's message, with its 'stack_trace'.");
        }
        ErrorAnalysis analysis = engine.analyseError(input.error());
        StoredGroup stored = store.saveError(analysis, engine.redact(input.error().stackTrace()), clock.instant(),
                true, interval);
        Long runId = null;
        String refused = null;
        if (stored.claimed()) {
            ObjectNode runInput = ((ObjectNode) body).deepCopy().put(CodeAnalysisInputReader.COUNTED, true);
            try {
                Run run = runs.run(new RunRequest(null, AgentType.CODE_ANALYSIS.code(), runInput, true, null));
                runId = run.id();
                store.setGroupRun(stored.id(), run.id());
            } catch (ConflictException | NotFoundException | UnavailableException e) {
                // The error is recorded either way: the handler that reports it must not fail because an admin
                // disabled the analyzer.
                refused = e.getMessage();
            } catch (RuntimeException e) {
                // Nor because the run could not be queued now (the database busy, the input refused): the group
                // is counted, and its next report may start the analysis.
                log.warn("The analysis of error group {} could not start", stored.id(), e);
                store.releaseClaim(stored.id());
                refused = "The analysis could not start now; the next report of this error starts it.";
            }
        }
        ErrorGroup group = stored.group();
        return new Reported(new ErrorGroup(group.fingerprint(), group.title(), group.exceptionType(),
                group.inAppFrames(), group.firstSeen(), group.lastSeen(), group.count(), analysis.likelyCause(),
                analysis.suggestedFix(), analysis.causeRule()), runId, refused);
    }
}

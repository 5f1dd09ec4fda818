package com.fitnesscrm.orchestrator.execution.internal;

/** The run cannot give an answer; the message is recorded as the run's error. */
class RunFailedException extends RuntimeException {

    RunFailedException(String message) {
        super(message);
    }
}

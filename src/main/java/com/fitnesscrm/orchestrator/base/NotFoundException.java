package com.fitnesscrm.orchestrator.base;

/** Something asked for by id or name does not exist (404 over REST). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}

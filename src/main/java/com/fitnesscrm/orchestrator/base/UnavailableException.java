package com.fitnesscrm.orchestrator.base;

/** The service cannot do this now or in this version, through no fault of the caller (503 over REST). */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }
}

package com.fitnesscrm.orchestrator.agents.ui;

import com.fitnesscrm.orchestrator.agents.Agent;

/**
 * Opens the "Try it" dialog for an agent. Running an agent belongs to the execution feature, which depends on this
 * one; calling it from here would make the two features depend on each other (ArchitectureTest forbids the cycle).
 * So the agents view asks through this interface, and {@code execution.ui} provides the Spring bean behind it.
 */
public interface TryItDialogs {

    /** Opens a dialog in which an admin runs {@code agent} on an input of their choice. */
    void open(Agent agent);
}

/**
 * The agents registry: named, configured agents of the original service's five types (and any type an installed
 * {@link com.fitnesscrm.orchestrator.agents.AgentProgram} brings), their config versions, and the SPI through which
 * each agent's rules engine and LLM layer plug into the runtime.
 */
package com.fitnesscrm.orchestrator.agents;

/**
 * Workflows (issue 18): agents working together as LangGraph4j state graphs. A workflow is an agent of type
 * {@code workflow} in the registry (so it runs through {@code /api/execute}, on schedules and in the Runs view like any
 * agent), whose {@link com.fitnesscrm.orchestrator.workflows.WorkflowDefinition} is versioned here. Its nodes are
 * agent runs (each a child run), small typed {@link com.fitnesscrm.orchestrator.workflows.WorkflowFunction}s and
 * approvals (an interrupt the run waits in). The graph is built and checkpointed in {@code engine}; the tables are in
 * {@code internal}, REST in {@code api}, views in {@code ui}. See docs/decisions/0026-workflows.md.
 */
package com.fitnesscrm.orchestrator.workflows;

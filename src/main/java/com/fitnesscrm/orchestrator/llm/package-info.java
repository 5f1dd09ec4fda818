/**
 * The LLM provider: an OpenAI-compatible endpoint (OpenAI, Azure, OpenRouter, vLLM, Ollama) configured from
 * {@code OPENAI_API_KEY}, {@code OPENAI_MODEL} and {@code OPENAI_BASE_URL}. Without a key every agent runs on its
 * rules engine alone.
 */
package com.fitnesscrm.orchestrator.llm;

import { Generation } from '../excel/generate';
import type { ValidationResult } from '../excel/data-validation';

/** What a ribbon command ended with, so an open task pane can show it too. */
export type CommandOutcome = { ok: true; generation: Generation } | { ok: true; validation: ValidationResult } | { ok: false; error: unknown };

const listeners = new Set<(o: CommandOutcome) => void>();

export function onCommandOutcome(listener: (o: CommandOutcome) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitCommandOutcome(outcome: CommandOutcome): void {
  listeners.forEach((l) => l(outcome));
}

import { Generation } from '../excel/generate';

/** What a ribbon generation ended with, so an open task pane can show it too. */
export type CommandOutcome = { ok: true; generation: Generation } | { ok: false; error: unknown };

const listeners = new Set<(o: CommandOutcome) => void>();

export function onCommandOutcome(listener: (o: CommandOutcome) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitCommandOutcome(outcome: CommandOutcome): void {
  listeners.forEach((l) => l(outcome));
}

// The words every view uses for a step, so the terminal, the page and the diagram say the same
// thing. Plain functions of the timeline's data, with no Node or DOM dependencies: the HTML
// viewer's script bundles them too.

import type { TimelineStep } from './timeline.ts';

/** What a local step (a timer firing, a choice) did, without the node's name. */
export function localNote(step: Pick<TimelineStep, 'kind' | 'timer' | 'choice' | 'label'>): string {
  if (step.kind === 'timeout' && step.timer !== undefined) return `⏰ timer ${step.timer} fires`;
  if (step.kind === 'choose' && step.choice !== undefined) return step.choice;
  return step.label;
}

/** A transfer's message text, or its label when the step was not replayed. */
export function messageNote(step: Pick<TimelineStep, 'message' | 'label'>): string {
  return step.message ?? step.label;
}

/** When a delivered message was sent. */
export function sentAtNote(sentAt: number): string {
  return sentAt === 0 ? 'sent at init' : `sent at step ${sentAt}`;
}

/** The closing line of a lasso: the run goes back to the state after step `k` for ever. */
export function cycleNote(k: number): string {
  return `↺ back to ${k === 0 ? 'the initial state' : `step ${k}`}; repeats for ever`;
}

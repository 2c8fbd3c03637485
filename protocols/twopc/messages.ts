// The messages of two-phase commit (Gray; Bernstein, Hadzilacos & Goodman, ch. 7).

export type Decision = 'commit' | 'abort';

export type Message =
  /** Phase 1: the coordinator asks each participant whether it can commit. */
  | { readonly type: 'Prepare' }
  /** A participant's vote. */
  | { readonly type: 'Vote'; readonly yes: boolean }
  /** Phase 2: the outcome. */
  | { readonly type: 'Decide'; readonly decision: Decision }
  /** A restarted participant that voted yes asks for the outcome it may have missed. */
  | { readonly type: 'Inquire' };

export function formatMessage(m: Message): string {
  switch (m.type) {
    case 'Vote':
      return m.yes ? 'Vote(yes)' : 'Vote(no)';
    case 'Decide':
      return `Decide(${m.decision})`;
    default:
      return m.type;
  }
}

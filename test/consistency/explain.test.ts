import { describe, expect, it } from 'vitest';
import { renderExplanationHtml, renderExplanationText } from '../../checker/consistency/explain.ts';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import { casRegister } from '../../checker/consistency/specs/index.ts';
import { read, write } from './ops.ts';

// Client 1 reads 1 after client 0 has overwritten it with 2: the read cannot be placed.
const history = [write(0, 1, 0, 1), write(0, 2, 2, 3), read(1, 1, 4, 5), write(2, 7, 6)];
const result = checkLinearizability(history, casRegister);

describe('text explanation', () => {
  const text = renderExplanationText(result, casRegister);

  it('states the prefix, the state it leaves and the operation that cannot be placed', () => {
    expect(text).toContain('longest linearizable prefix found has 2 operations and leaves the state 2');
    expect(text).toContain('cannot place: client 1 read() -> 1 [4, 5]');
    expect(text).toContain('illegal in state 2');
  });

  it('draws a timeline per client up to the failure point', () => {
    expect(text).toContain('client 0: #1 write(1) [0, 1]  |  #2 write(2) [2, 3]');
    expect(text).toContain('client 1: ✗ read() -> 1 [4, 5]');
    expect(text).not.toContain('client 2:'); // called after the failure point
  });
});

describe('HTML explanation', () => {
  const html = renderExplanationHtml(result, casRegister, 'stale <read>');

  it('is a self-contained page: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:/i);
  });

  it('has one bar per operation, the prefix numbered and the blocked operation highlighted', () => {
    expect(html.match(/class="bar[ "]/g)).toHaveLength(history.length);
    expect(html).toMatch(/class="bar lin"[^>]*>#1 write\(1\)/);
    expect(html).toMatch(/class="bar blocked"[^>]*>✗ read\(\) -&#62; 1/);
    expect(html).toMatch(/class="bar pending"/);
    expect(html).toContain('stale &#60;read&#62;');
  });

  it('renders a short page for a linearizable history', () => {
    const ok = checkLinearizability([write(0, 1, 0, 1)], casRegister);
    expect(renderExplanationHtml(ok, casRegister)).toContain('<b>linearizable</b>');
  });
});

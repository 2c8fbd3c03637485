// Explaining why a history is not linearizable, for a person: the part that fails, the longest
// linearizable prefix the search found, the operation that cannot be placed after it and why each
// candidate for the next place fails. Rendered as plain text (a timeline per client) and as a
// self-contained HTML page (one bar per operation per client; no scripts or network fetches).

import type { History, Operation } from './history.ts';
import type { LinearizabilityResult, LinearizationFailure } from './linearizability.ts';
import type { SequentialSpec } from './sequential-spec.ts';

/** Why one candidate cannot be the next operation after the prefix. */
export interface CandidateVerdict {
  readonly op: number;
  /** `illegal`: its output is impossible in that state; `explored`: it fits, but every continuation failed. */
  readonly why: 'illegal' | 'explored';
}

export interface Explanation<I, O, S> {
  readonly failure: LinearizationFailure<I, O, S>;
  readonly stateText: string;
  readonly candidates: readonly CandidateVerdict[];
}

export function explainFailure<I, O, S>(
  failure: LinearizationFailure<I, O, S>,
  spec: SequentialSpec<I, O, S>,
): Explanation<I, O, S> {
  const candidates = failure.candidates.map((i): CandidateVerdict => {
    const op = failure.history[i]!;
    if (op.ret === undefined) return { op: i, why: spec.stepPending(failure.state, op.input).length === 0 ? 'illegal' : 'explored' };
    return { op: i, why: spec.step(failure.state, op.input, op.output as O) === undefined ? 'illegal' : 'explored' };
  });
  return { failure, stateText: describeState(spec, failure.state), candidates };
}

function describeState<I, O, S>(spec: SequentialSpec<I, O, S>, state: S): string {
  if (spec.describeState) return spec.describeState(state);
  return state === null ? 'nil' : (JSON.stringify(state) ?? String(state));
}

function interval(op: Operation<unknown, unknown>): string {
  return `[${op.call}, ${op.ret ?? '∞'}]`;
}

/** The explanation as text: a summary, then one line per operation grouped by client. */
export function renderExplanationText<I, O, S>(
  result: LinearizabilityResult<I, O, S>,
  spec: SequentialSpec<I, O, S>,
  /** How a client is named (an actor system names it by its node); `client N` otherwise. */
  clientName: (client: number) => string = (c) => `client ${c}`,
): string {
  const { failure } = result;
  if (failure === undefined) return `${result.result} (${result.operations} operations, ${result.partitions} partitions)`;
  const { history, linearized, blocked } = failure;
  const explanation = explainFailure(failure, spec);
  const order = new Map(linearized.map((op, k) => [op, k + 1]));
  const why = new Map(explanation.candidates.map((c) => [c.op, c.why]));
  const blockedOp = history[blocked]!;
  const lines: string[] = [];
  lines.push(
    `part ${failure.partitionIndex + 1} of ${result.partitions} (${history.length} operations) is not linearizable:`,
    `  the longest linearizable prefix found has ${linearized.length} operations and leaves the state ${explanation.stateText}`,
    `  cannot place: ${clientName(blockedOp.client)} ${spec.describe(blockedOp)} ${interval(blockedOp)}` +
      ` — it must take effect by position ${blockedOp.ret}, and no candidate fits there:`,
  );
  for (const c of explanation.candidates) {
    const op = history[c.op]!;
    const reason = c.why === 'illegal' ? `illegal in state ${explanation.stateText}` : 'fits, but no continuation does';
    lines.push(`    ${clientName(op.client)} ${spec.describe(op)} ${interval(op)}: ${reason}`);
  }
  // Operations called after the failure point cannot matter to it and are left out.
  const failurePoint = blockedOp.ret!;
  const relevant = history.filter((op) => op.call <= failurePoint).length;
  const omitted = history.length - relevant;
  lines.push(
    `  timeline up to position ${failurePoint} (#k = k-th in the prefix, ✗ = cannot be placed, ? = candidate, · = not placed)` +
      (omitted > 0 ? `; ${omitted} later operation${omitted === 1 ? '' : 's'} left out:` : ':'),
  );
  for (const [client, all] of byClient(history)) {
    const ops = all.filter((i) => history[i]!.call <= failurePoint);
    if (ops.length === 0) continue;
    const cells = ops.map((i) => {
      const op = history[i]!;
      const mark = order.has(i) ? `#${order.get(i)}` : i === blocked ? '✗' : why.has(i) ? '?' : '·';
      return `${mark} ${spec.describe(op)} ${interval(op)}`;
    });
    lines.push(`    ${clientName(client)}: ${cells.join('  |  ')}`);
  }
  return lines.join('\n');
}

/** Operation indexes per client, each list in call order; clients in ascending order. */
function byClient(history: History<unknown, unknown>): [number, number[]][] {
  const clients = new Map<number, number[]>();
  history.forEach((op, i) => {
    let list = clients.get(op.client);
    if (list === undefined) clients.set(op.client, (list = []));
    list.push(i);
  });
  for (const list of clients.values()) list.sort((a, b) => history[a]!.call - history[b]!.call);
  return [...clients.entries()].sort((a, b) => a[0] - b[0]);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The explanation as a self-contained HTML page. */
export function renderExplanationHtml<I, O, S>(
  result: LinearizabilityResult<I, O, S>,
  spec: SequentialSpec<I, O, S>,
  title = 'Linearizability check',
): string {
  const { failure } = result;
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{font:14px system-ui,sans-serif;margin:24px;color:#222}
.lane{position:relative;height:30px;border-bottom:1px solid #eee}
.label{position:absolute;left:0;width:90px;top:7px;font-weight:600}
.bar{position:absolute;top:4px;height:22px;border-radius:4px;font:12px monospace;line-height:22px;
 padding:0 4px;overflow:hidden;white-space:nowrap;box-sizing:border-box;border:1px solid #999;background:#eee}
.bar.lin{background:#cfe8cf;border-color:#4a4}.bar.cand{background:#fde6c4;border-color:#d90}
.bar.blocked{background:#f8c4c4;border:2px solid #c00;font-weight:700}
.bar.pending{border-style:dashed}
.fail{position:absolute;top:0;bottom:0;border-left:2px dashed #c00}
.legend span{display:inline-block;margin-right:14px}
pre{background:#f6f6f6;padding:12px;overflow:auto}
</style></head><body><h1>${escapeHtml(title)}</h1>`;
  if (failure === undefined) {
    return `${head}<p>Result: <b>${escapeHtml(result.result)}</b> (${result.operations} operations, ${result.partitions} partitions).</p></body></html>\n`;
  }
  const { history, linearized, blocked } = failure;
  const explanation = explainFailure(failure, spec);
  const order = new Map(linearized.map((op, k) => [op, k + 1]));
  const candidates = new Set(failure.candidates);
  // Positions are drawn by rank, so that bursts and long gaps alike stay readable.
  const positions = [...new Set(history.flatMap((op) => (op.ret === undefined ? [op.call] : [op.call, op.ret])))].sort(
    (a, b) => a - b,
  );
  const rank = new Map(positions.map((p, i) => [p, i]));
  const slots = positions.length + 1;
  const x = (p: number | undefined): number => (p === undefined ? slots : rank.get(p)!);
  const left = 100;
  const unit = Math.max(28, Math.min(60, Math.floor(1400 / slots)));
  const width = left + slots * unit + 20;
  const lanes: string[] = [];
  for (const [client, ops] of byClient(history)) {
    const bars = ops.map((i) => {
      const op = history[i]!;
      const classes = ['bar'];
      if (order.has(i)) classes.push('lin');
      else if (i === blocked) classes.push('blocked');
      else if (candidates.has(i)) classes.push('cand');
      if (op.ret === undefined) classes.push('pending');
      const start = left + x(op.call) * unit;
      const end = left + x(op.ret) * unit + unit / 2;
      const text = `${order.has(i) ? `#${order.get(i)} ` : i === blocked ? '✗ ' : ''}${spec.describe(op)}`;
      const tip = `client ${client}: ${spec.describe(op)} [${op.call}, ${op.ret ?? '∞'}]`;
      return `<div class="${classes.join(' ')}" style="left:${start}px;width:${Math.max(8, end - start)}px" title="${escapeHtml(tip)}">${escapeHtml(text)}</div>`;
    });
    lanes.push(`<div class="lane" style="width:${width}px"><div class="label">client ${client}</div>${bars.join('')}</div>`);
  }
  const failX = left + x(history[blocked]!.ret) * unit + unit / 2;
  return `${head}
<p><b>Not linearizable.</b> Part ${failure.partitionIndex + 1} of ${result.partitions} (${history.length} operations).
The longest linearizable prefix found has ${linearized.length} operations (green, numbered in linearization order)
and leaves the state <code>${escapeHtml(explanation.stateText)}</code>.
The operation in red cannot be placed: it must take effect before the dashed line, and none of the candidates
(orange) fits there.</p>
<p class="legend"><span style="color:#4a4">■ linearized</span><span style="color:#c00">■ cannot be placed</span>
<span style="color:#d90">■ candidate</span><span>▭ dashed border: pending (no response)</span></p>
<div style="position:relative;overflow-x:auto;border:1px solid #ddd;padding:4px 0">${lanes.join('\n')}
<div class="fail" style="left:${failX}px"></div></div>
<h2>Explanation</h2><pre>${escapeHtml(renderExplanationText(result, spec))}</pre>
</body></html>
`;
}

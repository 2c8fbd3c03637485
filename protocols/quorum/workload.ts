// What each client does: a fixed script of register operations, run one after the other. Written
// values are strings; the register starts as null (nil).

export type Op = { readonly f: 'read' } | { readonly f: 'write'; readonly value: string };

export type Workload = readonly (readonly Op[])[];

export const read: Op = { f: 'read' };
export const write = (value: string): Op => ({ f: 'write', value });

export function formatOp(op: Op): string {
  return op.f === 'read' ? 'read()' : `write(${op.value})`;
}

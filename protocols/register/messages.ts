// The client interface of a replicated register, as Stateright's `RegisterMsg`: every server
// protocol built on it answers Put with PutOk and Get with GetOk. Request ids let a client ignore
// stale replies. `null` is the register's initial value (Stateright's `Value::default()`).

export type Value = string | null;

export type RegisterMsg =
  | { readonly type: 'Put'; readonly req: number; readonly value: string }
  | { readonly type: 'Get'; readonly req: number }
  | { readonly type: 'PutOk'; readonly req: number }
  | { readonly type: 'GetOk'; readonly req: number; readonly value: Value };

export function isRegisterMsg(m: { readonly type: string }): m is RegisterMsg {
  return m.type === 'Put' || m.type === 'Get' || m.type === 'PutOk' || m.type === 'GetOk';
}

export function formatValue(v: Value): string {
  return v === null ? 'nil' : `'${v}'`;
}

export function formatRegisterMsg(m: RegisterMsg): string {
  switch (m.type) {
    case 'Put':
      return `Put(${m.req}, ${formatValue(m.value)})`;
    case 'Get':
      return `Get(${m.req})`;
    case 'PutOk':
      return `PutOk(${m.req})`;
    case 'GetOk':
      return `GetOk(${m.req}, ${formatValue(m.value)})`;
  }
}

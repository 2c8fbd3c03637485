// The messages of a request over a lossy link: the request and its answer.

export type Message = { readonly type: 'Request' } | { readonly type: 'Reply' };

export const formatMessage = (m: Message): string => m.type;

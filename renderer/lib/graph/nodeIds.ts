/** The ids of a run's causation-graph nodes, one constructor each (shared by the graph, the timeline, the history and the run reader). */
export const nodeIds = {
  input: (inputId: string) => `batch:${inputId}`,
  command: (commandId: string) => `cmd:${commandId}`,
  event: (seq: number) => `ev:${seq}`,
  rejection: (commandId: string) => `rej:${commandId}`,
  enactment: (consumer: string, seq: number) => `act:${consumer}:${seq}`,
};

/** What a run's node id names: its kind and key (a command or batch id, an event seq, a consumer and seq). */
export type ParsedNodeId =
  | { readonly kind: 'batch' | 'command' | 'rejection'; readonly id: string }
  | { readonly kind: 'event'; readonly seq: number }
  | { readonly kind: 'enactment'; readonly consumer: string; readonly seq: number };

/** Reads a node id made by `nodeIds` (undefined: not one). */
export function parseNodeId(id: string): ParsedNodeId | undefined {
  const colon = id.indexOf(':');
  const prefix = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  switch (prefix) {
    case 'batch':
      return { kind: 'batch', id: rest };
    case 'cmd':
      return { kind: 'command', id: rest };
    case 'rej':
      return { kind: 'rejection', id: rest };
    case 'ev':
      return /^\d+$/.test(rest) ? { kind: 'event', seq: Number(rest) } : undefined;
    case 'act': {
      const last = rest.lastIndexOf(':');
      const seq = rest.slice(last + 1);
      return last > 0 && /^\d+$/.test(seq) ? { kind: 'enactment', consumer: rest.slice(0, last), seq: Number(seq) } : undefined;
    }
    default:
      return undefined;
  }
}

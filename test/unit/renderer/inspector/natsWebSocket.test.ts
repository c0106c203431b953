/** A live read over NATS WebSocket closes its socket with 1000 (normal closure), never a status-less close frame. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normallyClosingSocket } from '../../../../renderer/lib/inspector/liveSources/natsWebSocket';

/** Records how the socket was closed, as a runtime's WebSocket would send it in the close frame. */
class RecordingSocket {
  static last: RecordingSocket | undefined;
  closedWith: [code?: number, reason?: string] | undefined;
  constructor(readonly url: string) {
    RecordingSocket.last = this;
  }
  close(code?: number, reason?: string): void {
    this.closedWith = [code, reason];
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('NATS over WebSocket', () => {
  it('closes with 1000 (normal closure) when nats-core closes without a code, so no server answers with the reserved 1005', async () => {
    vi.stubGlobal('WebSocket', RecordingSocket);
    const { socket, encrypted } = await normallyClosingSocket('ws://127.0.0.1:4223', {});
    expect(encrypted).toBe(false);
    socket.close();
    expect(RecordingSocket.last?.closedWith).toEqual([1000, undefined]);
  });

  it('keeps a code that is given, and tells wss:// as encrypted', async () => {
    vi.stubGlobal('WebSocket', RecordingSocket);
    const { socket, encrypted } = await normallyClosingSocket('wss://nats.example:443', {});
    expect(encrypted).toBe(true);
    socket.close(4000, 'going');
    expect(RecordingSocket.last?.closedWith).toEqual([4000, 'going']);
  });
});

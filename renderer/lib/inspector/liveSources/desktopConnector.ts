/** Live sources through the desktop app's main process (the preload API's `sources`). */
import type { ProfileName } from '../../../../src/logs/profiles';
import type { SourcesApi } from '../../../../src/preload/api';
import type { LiveConnector, LiveSession, LiveSink } from './liveConnector';

/** The connector of the desktop app. */
export function desktopConnector(api: SourcesApi): LiveConnector {
  return {
    kind: 'desktop',
    recent: () => api.recent(),
    forget: (id) => api.forget(id),
    async open(request): Promise<LiveSession> {
      const opened = await api.open(request);
      if (!opened.ok) throw new Error(opened.error);
      const { session, display, profile, framing, notice, earlier } = opened.value;
      let unsubscribe: (() => void)[] = [];
      return {
        display,
        profile: profile as ProfileName,
        framing,
        ...(notice ? { notice } : {}),
        // the store's earlier events, read by the main process's session on the read's own connection
        ...(earlier
          ? {
              earlier: {
                naming: earlier,
                load: async (record: object, more: boolean) => {
                  const page = await api.earlier(session, record, more);
                  if (!page.ok) throw new Error(page.error);
                  return page.value;
                },
              },
            }
          : {}),
        start(sink: LiveSink) {
          unsubscribe = [
            api.onBatch((id, batch) => {
              if (id === session) void sink.batch(batch.records, batch.position, batch.caughtUp, { waiting: batch.waiting, skipped: batch.skipped }).then(() => api.ack(session));
            }),
            api.onEnd((id, end) => {
              if (id !== session) return;
              for (const u of unsubscribe) u();
              sink.end(end);
            }),
          ];
          api.start(session);
        },
        stop: () => api.stop(session),
      };
    },
  };
}

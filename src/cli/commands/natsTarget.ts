/** The NATS server and stream a sink command names (`--to`, `--from`): connected, or one line naming the URL (password hidden). */
import type { NatsConnection } from '@nats-io/nats-core';
import { natsConnectFailure } from '../../sources/nats/natsErrors';
import { connectNatsNode } from '../../sources/node/openSourceReader';
import { hideSecrets, secretsOf, type NatsSourceUrl } from '../../sources/sourceUrl';
import { InputFileError, UsageError } from '../io';
import { sourceOf } from './inspectSource';

/** Connects to the stream's server; a URL that is not nats:// is a usage error, a failed connection bad input. */
export async function connectNatsTarget(url: string, flag: string): Promise<{ nc: NatsConnection; target: NatsSourceUrl }> {
  const target = sourceOf(url);
  if (target.kind !== 'nats') throw new UsageError(`--${flag} takes a JetStream stream: nats://host:port/STREAM, got ${target.display}`);
  if (target.subject !== undefined) throw new UsageError(`--${flag}: subject= is for reading; a run goes to the whole stream`);
  try {
    return { nc: await connectNatsNode(target), target };
  } catch (error) {
    throw new InputFileError(`${target.display}: ${hideSecrets(natsConnectFailure(error), secretsOf(target))}`);
  }
}

import { describe, expect, it } from 'vitest';
import { ConnectionList, joinSecret, parseConnections, splitSecret, type SecretBox } from '../../../src/main/connections';

/** A stand-in for the OS's secure storage: reversible, and visibly not the plain text. */
const box = (available = true): SecretBox => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`enc:${[...s].reverse().join('')}`),
  decryptString: (b) => [...b.toString().slice(4)].reverse().join(''),
});

describe('saved connections (the desktop\'s recent sources)', () => {
  it('keep the URL without its password, the password only encrypted; the renderer sees ***', async () => {
    const written: string[] = [];
    const list = new ConnectionList(box(), async (t) => written.push(t));
    expect(list.remember('postgres://app:s3cr%40t@db:5432/events?store=emmett')).toEqual({ secretKept: true });
    expect(written[0]).not.toContain('s3cr');
    expect(JSON.parse(written[0])[0]).toMatchObject({ url: 'postgres://app@db:5432/events?store=emmett', secret: Buffer.from('enc:t@rc3s').toString('base64') });
    const [recent] = list.recent();
    expect(recent).toMatchObject({ display: 'postgres://app:***@db:5432/events?store=emmett', hasPassword: true });
    expect(list.url(recent.id)).toBe('postgres://app:s3cr%40t@db:5432/events?store=emmett');
    // used again without the password typed: the kept one stays
    list.remember('postgres://app@db:5432/events?store=emmett');
    expect(list.recent()).toHaveLength(1);
    expect(list.url(recent.id)).toBe('postgres://app:s3cr%40t@db:5432/events?store=emmett');
    list.forget(recent.id);
    expect(list.recent()).toEqual([]);
    expect(list.url(recent.id)).toEqual({ error: 'that connection is no longer saved' });
  });

  it('without secure storage the password is not kept, and it says so', () => {
    const list = new ConnectionList(box(false), async () => undefined);
    expect(list.remember('kafka://u:pw@broker:9092/orders')).toEqual({ secretKept: false });
    expect(list.recent()[0]).toMatchObject({ display: 'kafka://u@broker:9092/orders', hasPassword: false });
  });

  it('a NATS token is a secret too; newest first; a bad file reads as empty', () => {
    expect(splitSecret('nats://tok3n@h:4222/S')).toEqual({ url: 'nats://h:4222/S', secret: 'token:tok3n' });
    expect(joinSecret('nats://h:4222/S', 'token:tok3n')).toBe('nats://tok3n@h:4222/S');
    const list = new ConnectionList(box(), async () => undefined);
    list.remember('nats://tok3n@h:4222/S');
    list.remember('ws://127.0.0.1:8080/T');
    expect(list.recent().map((r) => r.display)).toEqual(['ws://127.0.0.1:8080/T', 'nats://***@h:4222/S']);
    expect(parseConnections('{not json')).toEqual([]);
    expect(parseConnections('[{"id":1}]')).toEqual([]);
  });
});

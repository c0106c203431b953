import { describe, expect, it } from 'vitest';
import { hideSecrets, isSourceUrl, notASource, parseSourceUrl, redactUrl, secretsOf } from '../../../src/sources/sourceUrl';
import { kafkaOffsets, kafkaPosition, parseStartAt } from '../../../src/sources/startAt';

const error = (url: string) => {
  try {
    parseSourceUrl(url);
  } catch (e) {
    return `${(e as { display: string }).display}: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('source URLs', () => {
  it('tells URLs from file paths', () => {
    expect(['postgres://h/db', 'postgresql://h/db', 'nats://h/S', 'tls://h/S', 'ws://h/S', 'wss://h/S', 'kafka://h/t'].every(isSourceUrl)).toBe(true);
    expect(['log.jsonl', './postgres/x.json', 'C:\\logs\\x.json', 'http://h/x', 'file:///x'].some(isSourceUrl)).toBe(false);
  });

  it('reads a PostgreSQL store URL: the driver gets the URL without Purestream\'s own parameters; the password is never shown', () => {
    const s = parseSourceUrl('postgres://app:p%40ss@db.example:5433/events?store=emmett&schema=es&stream=order-1&sslmode=require');
    expect(s).toMatchObject({ kind: 'postgres', store: 'emmett', schema: 'es', stream: 'order-1', user: 'app', password: 'p@ss', display: 'postgres://app:***@db.example:5433/events?store=emmett&schema=es&stream=order-1&sslmode=require' });
    expect(s.kind === 'postgres' && s.connectionString).toBe('postgres://app:p%40ss@db.example:5433/events?sslmode=require');
    expect(JSON.stringify(s).replace(/"password":"p@ss"|p%40ss/g, '')).not.toContain('p@ss');
  });

  it('reads NATS (TCP, TLS, WebSocket, token) and Kafka (several brokers, a partition) URLs', () => {
    expect(parseSourceUrl('nats://127.0.0.1/ORDERS?subject=ORDERS.eu.*')).toMatchObject({ kind: 'nats', server: '127.0.0.1:4222', transport: 'tcp', stream: 'ORDERS', subject: 'ORDERS.eu.*' });
    expect(parseSourceUrl('tls://nats.example:4443/ORDERS')).toMatchObject({ transport: 'tls', server: 'nats.example:4443' });
    expect(parseSourceUrl('wss://nats.example/ORDERS')).toMatchObject({ transport: 'websocket', server: 'wss://nats.example:443' });
    expect(parseSourceUrl('nats://s3cr3t-token@h:4222/S')).toMatchObject({ token: 's3cr3t-token', display: 'nats://***@h:4222/S' });
    expect(parseSourceUrl('kafka://a:9092,b:9093,c/orders?partition=2&tls=1')).toMatchObject({ kind: 'kafka', brokers: ['a:9092', 'b:9093', 'c:9092'], topic: 'orders', partition: 2, tls: true });
  });

  it('ca= names the certificate authority of a NATS or Kafka server (Kafka: TLS implied); not for WebSocket, not empty', () => {
    expect(parseSourceUrl('tls://h:4443/ORDERS?ca=/etc/ssl/ours/ca.pem')).toMatchObject({ transport: 'tls', ca: '/etc/ssl/ours/ca.pem' });
    expect(parseSourceUrl('kafka://h:9093/orders?ca=/etc/ssl/ours/ca.pem')).toMatchObject({ tls: true, ca: '/etc/ssl/ours/ca.pem' });
    expect(parseSourceUrl('kafka://h:9093/orders')).not.toHaveProperty('ca');
    expect(error('wss://h/ORDERS?ca=/x.pem')).toBe("wss://h/ORDERS?ca=/x.pem: ca= is for nats:// and tls://; a wss:// connection is made by the WebSocket, which trusts the system's certificate authorities");
    expect(error('kafka://h/orders?ca=')).toBe('kafka://h/orders?ca=: ca= names no file: ca=/path/to/ca.pem (the certificate authority, PEM)');
  });

  it('refuses what it cannot read, naming the URL with the password hidden', () => {
    expect(error('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db: store= is required: store=emmett, store=marten, store=message-db');
    expect(error('postgres://u:secret@h/db?store=eventstore')).toBe('postgres://u:***@h/db?store=eventstore: store=eventstore is not a store Purestream reads: emmett, marten, message-db');
    expect(error('postgres://u:secret@h/db?store=emmet')).toBe('postgres://u:***@h/db?store=emmet: store=emmet is not a store Purestream reads: emmett, marten, message-db; did you mean "emmett"?');
    expect(error('postgres://h?store=emmett')).toBe('postgres://h?store=emmett: no database name in the path (postgres://user@host:port/DATABASE?store=…)');
    expect(error('postgres://h/db?store=marten&category=orders')).toBe('postgres://h/db?store=marten&category=orders: Marten streams have no category: use stream=ID');
    expect(error('postgres://h/db?store=emmett&schema=a;drop')).toBe('postgres://h/db?store=emmett&schema=a;drop: schema=a;drop is not a plain PostgreSQL name');
    expect(error('nats://h:4222')).toBe('nats://h:4222: no stream: nats://host:port/STREAM');
    // the example in the scheme typed: a browser cannot open nats://
    expect(error('ws://127.0.0.1:4523')).toBe('ws://127.0.0.1:4523: no stream: ws://host:port/STREAM');
    expect(error('wss://h')).toBe('wss://h: no stream: wss://host:port/STREAM');
    expect(error('nats://h/A.B')).toBe('nats://h/A.B: "A.B" is not a JetStream stream name (letters, digits, - and _)');
    expect(error('kafka://h/t?partition=-1')).toBe('kafka://h/t?partition=-1: partition=-1 is not a partition number');
  });

  it('a scheme:// it does not read is not a source (the schemes it reads listed), nor a file; a path is neither', () => {
    const schemes = 'postgres://, postgresql://, nats://, tls://, ws://, wss://, kafka://';
    expect(notASource('http://example.com/x')?.message).toBe(`not a source Purestream reads (${schemes})`);
    expect(notASource('mysql://u:pw@x/y')).toMatchObject({ display: 'mysql://u:***@x/y' });
    expect(notASource('file:///tmp/x.jsonl')?.message).toBe(`not a source Purestream reads (${schemes}); for a file, give its path`);
    expect(error('http://example.com/x')).toBe(`http://example.com/x: not a source Purestream reads (${schemes})`);
    expect(['nats://h/S', 'log.jsonl', './http/x', 'C:\\logs\\x.json'].map(notASource)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('hides passwords in any message (a driver may repeat its settings)', () => {
    expect(redactUrl('postgres://u:pw@h/db?password=x&sslpassword=y&a=1')).toBe('postgres://u:***@h/db?password=***&sslpassword=***&a=1');
    const s = parseSourceUrl('kafka://u:hunter2@h/t');
    expect(hideSecrets('SASL failed for u/hunter2', secretsOf(s))).toBe('SASL failed for u/***');
  });
});

describe('--from', () => {
  const emmett = parseSourceUrl('postgres://h/db?store=emmett');
  const kafka = parseSourceUrl('kafka://h/t');
  it('takes start, end, an RFC 3339 time, or a position of the engine\'s form', () => {
    expect(parseStartAt(undefined, emmett)).toEqual({ kind: 'start' });
    expect(parseStartAt('end', kafka)).toEqual({ kind: 'end' });
    expect(parseStartAt('2026-01-01T01:00:00+01:00', kafka)).toEqual({ kind: 'time', time: '2026-01-01T00:00:00Z', ms: Date.UTC(2026, 0, 1) });
    expect(parseStartAt('741:9007199254740993', emmett)).toEqual({ kind: 'after', position: '741:9007199254740993' });
    expect(parseStartAt('0:41,3:17', kafka)).toEqual({ kind: 'after', position: '0:41,3:17' });
    expect(parseStartAt('41', kafka)).toBe('--from takes start, end, a time or a position, for this source PARTITION:OFFSET[,PARTITION:OFFSET…]; got "41"');
    expect(parseStartAt('2026-13-01', kafka)).toBe('--from 2026-13-01: not an RFC 3339 time (2026-01-01T00:00:00Z)');
  });
  it('keeps Kafka offsets exact, partitions in order', () => {
    const offsets = kafkaOffsets('3:9223372036854775806,0:41');
    expect(offsets.get(3)).toBe('9223372036854775806');
    expect(kafkaPosition(offsets)).toBe('0:41,3:9223372036854775806');
  });
});

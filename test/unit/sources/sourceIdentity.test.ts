import { describe, expect, it } from 'vitest';
import { sourceIdentity } from '../../../src/sources/sourceIdentity';
import { parseSourceUrl } from '../../../src/sources/sourceUrl';

const same = (a: string, b: string) => sourceIdentity(parseSourceUrl(a)) === sourceIdentity(parseSourceUrl(b));

describe('the identity of what a source URL reads (a checkpoint compares it)', () => {
  it('is the same however the URL connects: user, password, TLS settings, parameter order, host case, a loopback name', () => {
    expect(same('postgres://app:s3cret@db.example:5432/shop?store=emmett', 'postgres://reader@DB.example/shop?sslmode=verify-full&sslrootcert=/ca.pem&store=emmett')).toBe(true);
    expect(same('nats://127.0.0.1:4222/ORDERS', 'tls://localhost:4222/ORDERS?ca=/etc/ca.pem')).toBe(true);
    expect(same('kafka://b:9093,a/orders?tls=1', 'kafka://a:9092,b:9093/orders?ca=/ca.pem')).toBe(true);
  });

  it('differs where the records read differ: server, database, store, stream, subject, topic, partition', () => {
    expect(same('postgres://h/shop?store=emmett', 'postgres://h/shop2?store=emmett')).toBe(false);
    expect(same('postgres://h/shop?store=emmett', 'postgres://h/shop?store=message-db')).toBe(false);
    expect(same('postgres://h/shop?store=emmett', 'postgres://h/shop?store=emmett&stream=cart-1')).toBe(false);
    expect(same('postgres://h:5432/shop?store=emmett', 'postgres://h:5433/shop?store=emmett')).toBe(false);
    expect(same('nats://h/ORDERS', 'nats://h/ORDERS?subject=ORDERS.eu')).toBe(false);
    expect(same('nats://h/ORDERS', 'nats://other/ORDERS')).toBe(false);
    expect(same('kafka://h/orders', 'kafka://h/orders?partition=1')).toBe(false);
    expect(same('kafka://h/orders', 'kafka://h/payments')).toBe(false);
  });
});
